package org.opennrm.transnational;

import java.time.Instant;

/**
 * A step of a transnational referral on this instance, for the audit trail: both instances record the same package
 * hash, so their trails can be matched without either holding the other's content.
 *
 * @param referralId the referral's id on both instances
 * @param direction whether this instance sends or receives it
 * @param caseId the case it belongs to here ({@code null} for an incoming referral not yet accepted)
 * @param caseReference that case's reference
 * @param peerCountry the other country
 * @param step what happened (see {@link ReferralStep#step()})
 * @param actor a user id, {@code system}, or {@code peer:<country>}
 * @param packageHash SHA-256 of the sealed package, once there is one
 * @param detail a code or short non-personal fact
 * @param at when
 */
public record TransnationalReferralMoved(String referralId, Direction direction, String caseId, String caseReference,
		String peerCountry, String step, String actor, String packageHash, String detail, Instant at) {

	public enum Direction {
		Outgoing, Incoming
	}
}
