package org.opennrm.identification.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.opennrm.cases.Protection;
import org.springframework.stereotype.Component;

/**
 * A negative formal decision can still be reconsidered: no removal while the window is open. The person stays
 * presumed until it closes.
 */
@Component("openReconsiderationWindow")
class OpenReconsiderationWindow implements JavaDelegate {

	private final Cases cases;

	OpenReconsiderationWindow(Cases cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.cases.change((String) execution.getVariable(CaseVariables.CASE_ID),
				current -> current.withProtection(Protection.ReconsiderationWindow));
	}
}
