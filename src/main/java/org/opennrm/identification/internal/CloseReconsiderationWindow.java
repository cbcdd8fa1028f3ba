package org.opennrm.identification.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.opennrm.cases.PersonStatus;
import org.opennrm.cases.Protection;
import org.springframework.stereotype.Component;

/** No new evidence in time: the person is not identified and the protection from removal ends. */
@Component("closeReconsiderationWindow")
class CloseReconsiderationWindow implements JavaDelegate {

	private final Cases cases;

	CloseReconsiderationWindow(Cases cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.cases.change((String) execution.getVariable(CaseVariables.CASE_ID), current -> current
			.withPersonStatus(PersonStatus.NotIdentified)
			.withProtection(Protection.None));
	}
}
