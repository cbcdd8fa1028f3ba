package org.opennrm.casework.internal;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.opennrm.cases.AgeGroup;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.opennrm.casework.NrmCaseProcess.Variables;
import org.opennrm.casework.OpenCase;
import org.opennrm.deadlines.Deadlines;
import org.opennrm.deadlines.Jurisdictions;
import org.opennrm.platform.InvalidFields;
import org.opennrm.tasks.FormValues;
import org.springframework.stereotype.Component;

/**
 * When a case starts, from our API or from the start form in Tasklist: checks the intake, registers the case, makes
 * its reference the business key, and sets what routes it (jurisdiction, competent authority, child or adult).
 */
@Component("registerCase")
class RegisterCase implements ExecutionListener {

	private final Cases cases;

	private final FormValues formValues;

	private final Jurisdictions jurisdictions;

	RegisterCase(Cases cases, FormValues formValues, Jurisdictions jurisdictions) {
		this.cases = cases;
		this.formValues = formValues;
		this.jurisdictions = jurisdictions;
	}

	@Override
	public void notify(DelegateExecution execution) {
		Map<String, Object> intake = this.formValues.canonical(OpenCase.class, execution.getVariables()).variables();
		String agency = (String) intake.get(Variables.REFERRING_AGENCY);
		Authentication starter = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		if (starter != null && (starter.getGroupIds() == null || !starter.getGroupIds().contains(agency))) {
			throw InvalidFields.of(Variables.REFERRING_AGENCY, "problem.case.ownAgencyOnly");
		}
		AgeGroup ageGroup = AgeGroup.valueOf((String) intake.get("ageGroup"));
		Case opened = this.cases.open(
				new Cases.NewCase(agency, (String) execution.getVariable(Variables.OPENED_BY), null, ageGroup));
		execution.setVariables(intake);
		execution.setVariable(CaseVariables.CASE_ID, opened.caseId());
		execution.setVariable(CaseVariables.CASE_REFERENCE, opened.reference());
		execution.setVariable(Deadlines.JURISDICTION, opened.jurisdiction());
		execution.setVariable(Variables.COMPETENT_AUTHORITY,
				this.jurisdictions.profile(opened.jurisdiction()).competentAuthority());
		execution.setVariable(Variables.IS_CHILD, ageGroup.treatedAsChild());
		execution.setVariable(Variables.AGE_UNCERTAIN, ageGroup == AgeGroup.Uncertain);
		execution.setProcessBusinessKey(opened.reference());
	}
}
