package org.opennrm.handoff;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.opennrm.handoff.ServiceHandoffProcess.ServiceType;

/**
 * One service hand-off of a case as the registry knows it: references and agencies, never personal data.
 *
 * @param id the hand-off's id
 * @param caseId the case it belongs to
 * @param service the service handed over
 * @param referringAgency the group of the agency that hands over
 * @param receivingAgency the group of the agency it was last offered to; {@code null} if none ever was
 * @param status where it stands
 * @param attempts how many times it was offered (0 when it was withdrawn before any provider was found)
 * @param offeredAt when it was last offered; {@code null} if never
 * @param respondBy when the answer to the current offer is due; {@code null} once answered
 * @param updatedAt when it last changed
 * @param steps every step, oldest first
 */
public record Handoff(String id, String caseId, ServiceType service, String referringAgency, String receivingAgency,
		HandoffStatus status, int attempts, Instant offeredAt, Instant respondBy, Instant updatedAt,
		List<HandoffStep> steps) {

	public Handoff {
		steps = List.copyOf(steps);
	}

	/** Whether a member of these groups is party to the hand-off: the referring or the current receiving agency. */
	public boolean hasParty(Collection<String> groupIds) {
		return groupIds.contains(this.referringAgency)
				|| (this.receivingAgency != null && this.status.heldByReceivingAgency()
						&& groupIds.contains(this.receivingAgency));
	}
}
