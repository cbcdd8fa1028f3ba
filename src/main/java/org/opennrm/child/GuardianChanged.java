package org.opennrm.child;

import java.time.Instant;

/**
 * A child's guardian was changed: the case names the new guardian, and the tasks the former guardian held for the
 * child are the new guardian's. Published in the transaction of the change, so that the processes of other modules
 * that name the guardian (a transnational referral's consent) follow in it.
 *
 * @param caseId the case
 * @param reference its reference
 * @param from the former guardian (user id)
 * @param to the new guardian (user id)
 * @param by who changed it
 * @param reason why, in their words (no personal data)
 * @param at when
 */
public record GuardianChanged(String caseId, String reference, String from, String to, String by, String reason,
		Instant at) {
}
