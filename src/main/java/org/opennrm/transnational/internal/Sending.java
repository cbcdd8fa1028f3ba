package org.opennrm.transnational.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.opennrm.casefile.ReferralPackages;
import org.opennrm.casefile.Section;
import org.opennrm.casefile.SectionContent;
import org.opennrm.cases.Case;
import org.opennrm.cases.Cases;
import org.opennrm.platform.ActionRefused;
import org.opennrm.transnational.ReferralStatus;
import org.opennrm.transnational.internal.PeerMessages.Type;
import org.opennrm.transnational.internal.Peers.Peer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sending side's decisions: an approved referral is sealed and queued in the approving transaction; a withdrawn
 * one stops going and, if the peer may hold it, a withdrawal goes after it.
 */
@Service
@Transactional
class Sending {

	private final Exchange exchange;

	private final OutgoingReferrals referrals;

	private final Cases cases;

	private final ReferralConsent consent;

	private final ReferralPackages packages;

	private final Outbox outbox;

	Sending(Exchange exchange, OutgoingReferrals referrals, Cases cases, ReferralConsent consent,
			ReferralPackages packages, Outbox outbox) {
		this.exchange = exchange;
		this.referrals = referrals;
		this.cases = cases;
		this.consent = consent;
		this.packages = packages;
		this.outbox = outbox;
	}

	/**
	 * The coordinator approved: the consent is checked again, the chosen fields are read, sealed to the peer's key and
	 * queued, all in the approving transaction.
	 * @throws ActionRefused 409 when the person's consent no longer holds or the case is closed
	 */
	void approve(String referralId, String approvedBy) {
		OutgoingReferrals.Row referral = this.referrals.locked(referralId)
			.orElseThrow(() -> new IllegalStateException("No referral " + referralId));
		Case found = this.cases.findById(referral.caseId()).orElseThrow();
		if (!found.isOpen()) {
			throw ActionRefused.conflict("problem.transnational.caseClosed", found.reference());
		}
		if (!this.consent.holds(found, referral.peerCountry())) {
			throw ActionRefused.conflict(found.isChild() ? "problem.transnational.guardianConsentGone"
					: "problem.transnational.consentGone", referral.peerCountry());
		}
		Peer peer = this.exchange.peer(referral.peerCountry())
			.orElseThrow(() -> ActionRefused.conflict("problem.transnational.noLongerPeer", referral.peerCountry()));
		Map<Section, SectionContent> content = this.packages.readForReferral(found.caseId(), referral.fields(), approvedBy);
		ReferralPackage contents = ReferralPackage.of(referralId, this.exchange.country(), referral.peerCountry(),
				referral.kind(), referral.servicesContinue(), found.ageGroup(), referral.suspectedExploitation(),
				referral.interpreterNeeded(), content, referral.fields());
		PeerMessages.Sealed sealed;
		try {
			sealed = this.exchange.messages().seal(peer, referralId, contents.toJson());
		}
		catch (IllegalStateException ex) {
			throw ActionRefused.conflict("problem.transnational.noPeerKey", referral.peerCountry());
		}
		this.referrals.approved(referralId, sealed.hash(), approvedBy);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put(PeerMessages.TYPE_CLAIM, Type.referral.name());
		body.put(PeerMessages.REFERRAL_CLAIM, referralId);
		body.put("referralKind", referral.kind().name());
		body.put(PeerMessages.HASH_CLAIM, sealed.hash());
		body.put(PeerMessages.PACKAGE_CLAIM, sealed.jwe());
		this.outbox.enqueue(referral.peerCountry(), Type.referral, referralId, body);
	}

	/**
	 * Consent was withdrawn: before acceptance the referral is withdrawn here and, if the peer may hold it, there; after
	 * acceptance nothing more is shared. Ended referrals are left as they are.
	 * @return whether the referral's process must end (it was withdrawn before acceptance)
	 */
	boolean consentWithdrawn(String referralId, String withdrawnBy) {
		OutgoingReferrals.Row referral = this.referrals.locked(referralId).orElseThrow();
		if (referral.status() == ReferralStatus.Accepted) {
			if (!referral.sharingStopped()) {
				this.referrals.stopSharing(referralId, withdrawnBy);
				this.outbox.enqueue(referral.peerCountry(), Type.withdrawal, referralId, withdrawal(referralId, true));
			}
			return false;
		}
		if (referral.status().isEnded()) {
			return false;
		}
		boolean reachedPeer = referral.status().mayHaveReachedPeer();
		this.outbox.cancel(referralId, Type.referral);
		this.referrals.move(referralId, ReferralStatus.Withdrawn, withdrawnBy, "ConsentWithdrawn");
		if (reachedPeer) {
			this.outbox.enqueue(referral.peerCountry(), Type.withdrawal, referralId, withdrawal(referralId, false));
		}
		return true;
	}

	private static Map<String, Object> withdrawal(String referralId, boolean afterAcceptance) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put(PeerMessages.TYPE_CLAIM, Type.withdrawal.name());
		body.put(PeerMessages.REFERRAL_CLAIM, referralId);
		body.put("afterAcceptance", afterAcceptance);
		return body;
	}
}
