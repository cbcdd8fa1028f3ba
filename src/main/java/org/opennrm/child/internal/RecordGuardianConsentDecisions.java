package org.opennrm.child.internal;

import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opennrm.cases.CaseVariables;
import org.opennrm.child.ChildProtectionProcess.Variables;
import org.opennrm.consent.ConsentDecision.GivenBy;
import org.opennrm.consent.ConsentLedger;
import org.opennrm.consent.ConsentPurpose;
import org.opennrm.security.Role;
import org.springframework.stereotype.Component;

/**
 * Writes the guardian's decisions to the consent ledger, given by the guardian on the child's behalf: consent to
 * services, and for every agency whether the case may be shared with it (an agency not ticked is refused).
 */
@Component("recordGuardianConsent")
class RecordGuardianConsentDecisions implements JavaDelegate {

	private final ConsentLedger ledger;

	RecordGuardianConsentDecisions(ConsentLedger ledger) {
		this.ledger = ledger;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseId = (String) execution.getVariable(CaseVariables.CASE_ID);
		Object recordedBy = execution.getVariable(Variables.CONSENT_RECORDED_BY);
		String by = recordedBy != null ? recordedBy.toString()
				: (String) execution.getVariable(Variables.GUARDIAN_USER_ID);
		Object ticked = execution.getVariable(Variables.CONSENT_TO_SHARE_WITH_AGENCIES);
		Collection<?> sharing = ticked instanceof Collection<?> agencies ? agencies : List.of();
		this.ledger.record(caseId, ConsentPurpose.Services, null,
				Boolean.TRUE.equals(execution.getVariable(Variables.CONSENT_TO_SERVICES)), GivenBy.Guardian, by);
		for (Role agency : Role.agencies()) {
			this.ledger.record(caseId, ConsentPurpose.SharingWithAgency, agency.groupId(),
					sharing.contains(agency.groupId()), GivenBy.Guardian, by);
		}
	}
}
