package org.opennrm.transnational;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A referral this instance sends, as the sending side sees it: where it stands, never what travels (only the names
 * of the fields).
 *
 * @param id the referral's id, the same on the receiving instance
 * @param caseReference the case it refers
 * @param peerCountry the receiving country
 * @param kind return, transfer or assistance
 * @param servicesContinue whether services continue here after acceptance (then the case stays open)
 * @param status where it stands
 * @param proposedBy the caseworker who proposed it
 * @param proposedAt when
 * @param sharedFields the names of the fields that travel, by section
 * @param packageHash SHA-256 of the sealed package, as both audit trails record it ({@code null} before approval)
 * @param declineReason the receiving coordinator's reason, when declined
 * @param sharingStopped whether consent was withdrawn after acceptance: nothing more is shared
 * @param delivery how the delivery of the package goes ({@code null} before approval)
 * @param steps every step, oldest first
 */
public record TransnationalReferral(String id, String caseReference, String peerCountry, ReferralKind kind,
		boolean servicesContinue, ReferralStatus status, String proposedBy, Instant proposedAt,
		Map<String, List<String>> sharedFields, String packageHash, DeclineReason declineReason, boolean sharingStopped,
		DeliveryState delivery, List<ReferralStep> steps) {
}
