package org.opennrm.returns;

import jakarta.validation.constraints.NotNull;

/**
 * Whether the person departed. A departure is refused while the person is protected from removal (checked against the
 * registry); a cancelled return is always recorded.
 *
 * @param departed whether the person departed
 */
public record ConfirmDeparture(@NotNull Boolean departed) {
}
