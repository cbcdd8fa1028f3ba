package org.opennrm.casework.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.opennrm.casework.NrmCaseProcess.Variables;
import org.opennrm.platform.EngineClock;
import org.springframework.stereotype.Component;

/** Closes the case in the registry with the HTCDS status and reason the process decided. */
@Component("closeCase")
class CloseCase implements JavaDelegate {

	private final Cases cases;

	CloseCase(Cases cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		CaseStatus status = CaseStatus.valueOf((String) execution.getVariable(Variables.CASE_STATUS));
		String reason = (String) execution.getVariable(Variables.REASON_FOR_CASE_CLOSURE);
		this.cases.change((String) execution.getVariable(CaseVariables.CASE_ID),
				current -> current.close(status, reason, EngineClock.now()));
	}
}
