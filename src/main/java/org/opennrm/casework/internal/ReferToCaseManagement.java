package org.opennrm.casework.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.opennrm.casework.NrmCaseProcess;
import org.springframework.stereotype.Component;

/** Social services (child protection for a child) take the lead of a presumed victim's case. */
@Component("referToCaseManagement")
class ReferToCaseManagement implements JavaDelegate {

	private final Cases cases;

	ReferToCaseManagement(Cases cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.cases.change((String) execution.getVariable(CaseVariables.CASE_ID),
				current -> current.ledBy(NrmCaseProcess.CASE_MANAGEMENT_AGENCY));
	}
}
