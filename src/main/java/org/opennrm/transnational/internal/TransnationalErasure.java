package org.opennrm.transnational.internal;

import java.util.List;
import java.util.Map;

import org.opennrm.retention.PersonalCaseData;
import org.opennrm.transnational.TransnationalReferralMoved.Direction;
import org.springframework.stereotype.Component;

/**
 * Erases what this module keeps about a case: the referrals it sent for the case, and the referral it received that
 * opened the case, with their steps and outbox messages. The ids of messages taken from peers name no case.
 */
@Component
class TransnationalErasure implements PersonalCaseData {

	private final OutgoingReferrals outgoing;

	private final IncomingReferrals incoming;

	private final ReferralSteps steps;

	private final Outbox outbox;

	TransnationalErasure(OutgoingReferrals outgoing, IncomingReferrals incoming, ReferralSteps steps, Outbox outbox) {
		this.outgoing = outgoing;
		this.incoming = incoming;
		this.steps = steps;
		this.outbox = outbox;
	}

	@Override
	public Map<String, Integer> erase(ErasedCase erased) {
		List<String> sent = this.outgoing.idsOfCase(erased.caseId());
		List<String> received = this.incoming.idsOfCase(erased.caseId());
		List<String> receivedReferralIds = received.stream()
			.map(id -> this.incoming.find(id).orElseThrow().referralId())
			.toList();
		int messages = this.outbox.erase(sent) + this.outbox.erase(receivedReferralIds);
		int stepCount = this.steps.erase(sent, Direction.Outgoing) + this.steps.erase(received, Direction.Incoming);
		int referrals = this.outgoing.erase(erased.caseId()) + this.incoming.erase(erased.caseId());
		return Map.of("transnational.referrals", referrals, "transnational.steps", stepCount, "transnational.messages",
				messages);
	}
}
