package org.opennrm.cases;

import java.time.Instant;

/**
 * A best-interests determination for a child: it gates placement, return and family contact.
 *
 * @param placementInBestInterests whether the proposed placement serves the child
 * @param familyContactInBestInterests whether contact with the family is safe (family may be the traffickers)
 * @param returnInBestInterests whether a return to the country of origin serves the child
 * @param determinedAt when it was determined
 */
public record BestInterests(boolean placementInBestInterests, boolean familyContactInBestInterests,
		boolean returnInBestInterests, Instant determinedAt) {
}
