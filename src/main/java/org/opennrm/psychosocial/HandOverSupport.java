package org.opennrm.psychosocial;

import jakarta.validation.constraints.NotNull;
import org.opennrm.security.Agency;

/**
 * The support goes on with another agency.
 *
 * @param handOverTo the group of the agency that continues it
 */
public record HandOverSupport(@NotNull @Agency String handOverTo) {
}
