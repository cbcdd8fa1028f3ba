package org.opennrm.transnational.internal;

import java.time.Instant;

import org.opennrm.cases.Cases;
import org.opennrm.transnational.ReferralStatus;
import org.opennrm.transnational.internal.Outbox.Leased;
import org.opennrm.transnational.internal.PeerMessages.Type;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactions around a delivery attempt: whether a message may still go (checked under the referral's lock, so
 * a withdrawal and an attempt never cross), and what a receipt means for the referral.
 */
@Service
@Transactional
class Deliveries {

	private final Outbox outbox;

	private final OutgoingReferrals referrals;

	private final IncomingReferrals incoming;

	private final Cases cases;

	private final ReferralConsent consent;

	private final ProcessMessages processes;

	Deliveries(Outbox outbox, OutgoingReferrals referrals, IncomingReferrals incoming, Cases cases,
			ReferralConsent consent, ProcessMessages processes) {
		this.outbox = outbox;
		this.referrals = referrals;
		this.incoming = incoming;
		this.cases = cases;
		this.consent = consent;
		this.processes = processes;
	}

	/**
	 * Whether the message may go now. A referral goes only while it is approved and not withdrawn, and while the
	 * person's consent still holds (checked again before every attempt); otherwise it is cancelled. The first attempt
	 * marks the referral sent.
	 */
	boolean mayGo(Leased message) {
		if (message.type() != Type.referral) {
			return true;
		}
		OutgoingReferrals.Row referral = this.referrals.locked(message.referralId()).orElse(null);
		boolean going = referral != null && (referral.status() == ReferralStatus.Approved
				|| referral.status() == ReferralStatus.Sent)
				&& this.cases.findById(referral.caseId()).map(found -> this.consent.holds(found, referral.peerCountry()))
					.orElse(false);
		if (!going) {
			this.outbox.cancel(message.referralId(), Type.referral);
			if (referral != null && !referral.status().isEnded()) {
				this.referrals.step(referral.id(), "NotSentWithoutConsent", "system", null);
			}
			return false;
		}
		if (referral.status() == ReferralStatus.Approved) {
			this.referrals.move(referral.id(), ReferralStatus.Sent, "system", null);
		}
		return true;
	}

	void failed(Leased message, String error, Instant nextAttemptAt) {
		this.outbox.failed(message.id(), error, nextAttemptAt);
	}

	/** The peer's signed receipt arrived: the message is delivered, and the referral moves on. */
	void delivered(Leased message, String receipt, PeerMessages.Verified verified) {
		if (!this.outbox.delivered(message.id(), receipt)) {
			return;
		}
		String peer = "peer:" + message.peerCountry();
		switch (message.type()) {
			case referral -> this.referrals.locked(message.referralId()).ifPresent(referral -> {
				if (referral.status() == ReferralStatus.Approved || referral.status() == ReferralStatus.Sent) {
					this.referrals.move(referral.id(), ReferralStatus.Delivered, peer, "receipt " + verified.jti());
					this.processes.packageDelivered(referral.processInstanceId());
				}
			});
			case decision -> this.incoming.locked(message.peerCountry(), message.referralId())
				.ifPresent(referral -> this.incoming.step(referral.id(), "DecisionDelivered", peer,
						"receipt " + verified.jti()));
			case withdrawal -> this.referrals.step(message.referralId(), "WithdrawalDelivered", peer,
					String.valueOf(verified.string("result")));
			case receipt -> {
			}
		}
	}
}
