package org.opennrm.transnational.internal;

import java.util.List;

import org.opennrm.cases.Case;
import org.opennrm.consent.ConsentDecision;
import org.opennrm.consent.ConsentLedger;
import org.opennrm.consent.ConsentPurpose;
import org.springframework.stereotype.Component;

/**
 * Whether the person's consent to a referral to a country holds now, as the consent ledger says: given for
 * {@code TransnationalReferral} to that country and not withdrawn since, and for a child given by the guardian. Asked
 * when the coordinator approves and again before every delivery attempt.
 */
@Component
class ReferralConsent {

	private final ConsentLedger ledger;

	ReferralConsent(ConsentLedger ledger) {
		this.ledger = ledger;
	}

	boolean holds(Case found, String country) {
		if (!this.ledger.holds(found.caseId(), ConsentPurpose.TransnationalReferral, country)) {
			return false;
		}
		if (!found.isChild()) {
			return true;
		}
		List<ConsentDecision> decisions = this.ledger.history(found.caseId())
			.stream()
			.filter(decision -> decision.purpose() == ConsentPurpose.TransnationalReferral
					&& country.equals(decision.recipient()))
			.toList();
		return !decisions.isEmpty() && decisions.get(decisions.size() - 1).givenBy() == ConsentDecision.GivenBy.Guardian;
	}
}
