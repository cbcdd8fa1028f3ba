package org.opennrm.child;

import jakarta.validation.constraints.NotNull;

/**
 * A best-interests determination: it gates placement, family contact (the family may be the traffickers) and
 * return.
 *
 * @param placementInBestInterests whether the proposed placement serves the child
 * @param familyContactInBestInterests whether contact with the family serves the child
 * @param returnInBestInterests whether a return to the country of origin serves the child
 */
public record DetermineBestInterests(@NotNull Boolean placementInBestInterests,
		@NotNull Boolean familyContactInBestInterests, @NotNull Boolean returnInBestInterests) {
}
