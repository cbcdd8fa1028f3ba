package org.opennrm.transnational;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a transnational referral stands, on either side. The sending instance follows it from {@link #Proposed} to
 * the receiving coordinator's answer; the receiving instance knows it from {@link #Delivered} on.
 */
public enum ReferralStatus {

	/** A caseworker proposed it; the person's (or guardian's) consent and the coordinator's approval are pending. */
	Proposed,
	/** The person (or the guardian) did not consent: nothing was sent. */
	NotConsented,
	/** The national coordinator did not approve it: nothing was sent. */
	NotApproved,
	/** Approved: the sealed package waits in the outbox in the approving transaction. */
	Approved,
	/** At least one delivery attempt was made; the receiving instance has not confirmed it yet. */
	Sent,
	/** The receiving instance confirmed it with a signed receipt (on the receiving side: it arrived). */
	Delivered,
	/** The receiving coordinator accepted it: a case opened there. */
	Accepted,
	/** The receiving coordinator declined it, with a reason. */
	Declined,
	/** Consent was withdrawn before it was accepted: withdrawn on both sides. */
	Withdrawn;

	/** The statuses it moves on to from this one. */
	public Set<ReferralStatus> next() {
		return switch (this) {
			case Proposed -> EnumSet.of(NotConsented, NotApproved, Approved, Withdrawn);
			case Approved -> EnumSet.of(Sent, Delivered, Accepted, Declined, Withdrawn);
			case Sent -> EnumSet.of(Delivered, Accepted, Declined, Withdrawn);
			case Delivered -> EnumSet.of(Accepted, Declined, Withdrawn);
			case NotConsented, NotApproved, Accepted, Declined, Withdrawn -> EnumSet.noneOf(ReferralStatus.class);
		};
	}

	public boolean isEnded() {
		return next().isEmpty();
	}

	/** Whether the receiving instance may hold it already (so a withdrawal must be sent there). */
	public boolean mayHaveReachedPeer() {
		return this == Sent || this == Delivered;
	}
}
