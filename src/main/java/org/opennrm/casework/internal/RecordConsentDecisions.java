package org.opennrm.casework.internal;

import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opennrm.cases.CaseVariables;
import org.opennrm.casework.NrmCaseProcess.Variables;
import org.opennrm.consent.ConsentDecision;
import org.opennrm.consent.ConsentLedger;
import org.opennrm.consent.ConsentPurpose;
import org.opennrm.security.Role;
import org.springframework.stereotype.Component;

/**
 * Writes an adult's consent answers to the consent ledger, one entry per purpose and per agency: an agency not named
 * is recorded as not consented, so the ledger alone says who may receive what.
 */
@Component("recordConsentDecisions")
class RecordConsentDecisions implements TaskListener {

	private final ConsentLedger ledger;

	RecordConsentDecisions(ConsentLedger ledger) {
		this.ledger = ledger;
	}

	@Override
	public void notify(DelegateTask task) {
		String caseId = (String) task.getVariable(CaseVariables.CASE_ID);
		String by = task.getAssignee();
		boolean referral = Boolean.TRUE.equals(task.getVariable("consentToReferral"));
		record(caseId, ConsentPurpose.Referral, null, referral, by);
		record(caseId, ConsentPurpose.Services, null,
				referral && Boolean.TRUE.equals(task.getVariable(Variables.CONSENT_TO_SERVICES)), by);
		record(caseId, ConsentPurpose.PoliceCooperation, null,
				referral && Boolean.TRUE.equals(task.getVariable(Variables.CONSENT_TO_POLICE_COOPERATION)), by);
		Object shareWith = task.getVariable(Variables.CONSENT_TO_SHARE_WITH);
		Collection<?> agencies = referral && shareWith instanceof Collection<?> list ? list : List.of();
		for (Role agency : Role.agencies()) {
			record(caseId, ConsentPurpose.SharingWithAgency, agency.groupId(), agencies.contains(agency.groupId()), by);
		}
	}

	private void record(String caseId, ConsentPurpose purpose, String recipient, boolean given, String by) {
		this.ledger.record(caseId, purpose, recipient, given, ConsentDecision.GivenBy.Person, by);
	}
}
