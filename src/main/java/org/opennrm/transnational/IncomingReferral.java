package org.opennrm.transnational;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A referral that arrived from another country's instance, as the receiving side sees it. Its content is shown to the
 * national coordinator on its own page (and that look is audited), never here.
 *
 * @param id this instance's id of it
 * @param referralId the referral's id on both instances
 * @param peerCountry the sending country
 * @param kind return, transfer or assistance
 * @param status {@code Delivered} until answered, then {@code Accepted}, {@code Declined} or {@code Withdrawn}
 * @param receivedAt when it arrived
 * @param respondBy when the answer is due under this jurisdiction's response clock ({@code null} once answered)
 * @param sharedFields the names of the fields that arrived, by section
 * @param packageHash SHA-256 of the sealed package, as both audit trails record it
 * @param decidedBy the coordinator who answered
 * @param declineReason why it was declined
 * @param caseReference the case opened for it here, once accepted
 * @param sharingStopped whether the person withdrew consent after acceptance: the sender shares nothing more
 * @param steps every step, oldest first
 */
public record IncomingReferral(String id, String referralId, String peerCountry, ReferralKind kind,
		ReferralStatus status, Instant receivedAt, Instant respondBy, Map<String, List<String>> sharedFields,
		String packageHash, String decidedBy, DeclineReason declineReason, String caseReference, boolean sharingStopped,
		List<ReferralStep> steps) {
}
