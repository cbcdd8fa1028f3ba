package org.opennrm.child.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.opennrm.child.ChildProtectionProcess.Variables;
import org.springframework.stereotype.Component;

/** The case registry records the child's appointed guardian. */
@Component("recordGuardian")
class RecordGuardian implements JavaDelegate {

	private final Cases cases;

	RecordGuardian(Cases cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String guardian = (String) execution.getVariable(Variables.GUARDIAN_USER_ID);
		this.cases.change((String) execution.getVariable(CaseVariables.CASE_ID),
				current -> current.withGuardian(guardian));
	}
}
