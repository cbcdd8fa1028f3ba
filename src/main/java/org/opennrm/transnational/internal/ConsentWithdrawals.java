package org.opennrm.transnational.internal;

import org.camunda.bpm.engine.RuntimeService;
import org.opennrm.consent.ConsentPurpose;
import org.opennrm.consent.ConsentWithdrawn;
import org.opennrm.platform.TrustedEngineCalls;
import org.opennrm.transnational.TransnationalReferralProcess;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A withdrawal of consent to a transnational referral to a country, in the transaction that records it: referrals to
 * that country not yet accepted are withdrawn here and, where the peer may hold them, there; after acceptance nothing
 * more is shared. Ending the referral's process is the service's own step, taken for whoever recorded the withdrawal
 * (a caseworker may not send messages to processes), hence a reviewed trusted call.
 */
@Component
class ConsentWithdrawals {

	private final OutgoingReferrals referrals;

	private final Sending sending;

	private final RuntimeService runtimeService;

	private final TrustedEngineCalls trustedCalls;

	ConsentWithdrawals(OutgoingReferrals referrals, Sending sending, RuntimeService runtimeService,
			TrustedEngineCalls trustedCalls) {
		this.referrals = referrals;
		this.sending = sending;
		this.runtimeService = runtimeService;
		this.trustedCalls = trustedCalls;
	}

	@EventListener
	void on(ConsentWithdrawn event) {
		if (event.decision().purpose() != ConsentPurpose.TransnationalReferral) {
			return;
		}
		for (OutgoingReferrals.Row referral : this.referrals.ofCase(event.decision().caseId())) {
			if (!referral.peerCountry().equals(event.decision().recipient())) {
				continue;
			}
			boolean ended = this.sending.consentWithdrawn(referral.id(), event.decision().recordedBy());
			if (ended && referral.processInstanceId() != null) {
				this.trustedCalls.run(() -> this.runtimeService
					.createMessageCorrelation(TransnationalReferralProcess.MESSAGE_REFERRAL_WITHDRAWN)
					.processInstanceId(referral.processInstanceId())
					.correlateAllWithResult());
			}
		}
	}
}
