package org.opennrm.referral.internal;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.opennrm.cases.AgeGroup;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.opennrm.platform.InvalidFields;
import org.opennrm.referral.CaseReferralProcess.Variables;
import org.opennrm.referral.OpenCase;
import org.opennrm.tasks.FormValues;
import org.springframework.stereotype.Component;

/**
 * When a case referral starts, from our API or from the start form in Tasklist: checks the intake, registers the
 * case and makes its reference the business key.
 */
@Component("registerCase")
class RegisterCase implements ExecutionListener {

	private final Cases cases;

	private final FormValues formValues;

	RegisterCase(Cases cases, FormValues formValues) {
		this.cases = cases;
		this.formValues = formValues;
	}

	@Override
	public void notify(DelegateExecution execution) {
		Map<String, Object> intake = this.formValues.canonical(OpenCase.class, execution.getVariables()).variables();
		String agency = (String) intake.get(Variables.REFERRING_AGENCY);
		Authentication starter = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		if (starter != null && (starter.getGroupIds() == null || !starter.getGroupIds().contains(agency))) {
			throw new InvalidFields(Map.of(Variables.REFERRING_AGENCY, "you can open a case only for your own agency"));
		}
		Case opened = this.cases.open(new Cases.NewCase(agency, (String) execution.getVariable(Variables.OPENED_BY), null,
				Boolean.TRUE.equals(intake.get("childSuspected")) ? AgeGroup.Uncertain : AgeGroup.Adult));
		execution.setVariables(intake);
		execution.setVariable(CaseVariables.CASE_ID, opened.caseId());
		execution.setVariable(CaseVariables.CASE_REFERENCE, opened.reference());
		execution.setProcessBusinessKey(opened.reference());
	}
}
