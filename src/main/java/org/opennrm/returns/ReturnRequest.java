package org.opennrm.returns;

import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code POST /api/cases/{reference}/return-requests}.
 *
 * @param reason why the return is requested
 */
public record ReturnRequest(@NotNull ReturnReason reason) {
}
