package org.opennrm.identification.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.opennrm.cases.PersonStatus;
import org.opennrm.cases.Protection;
import org.springframework.stereotype.Component;

/** No reasonable grounds: the person is not identified and the protection from removal ends. */
@Component("recordNoReasonableGrounds")
class RecordNoReasonableGrounds implements JavaDelegate {

	private final Cases cases;

	RecordNoReasonableGrounds(Cases cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.cases.change((String) execution.getVariable(CaseVariables.CASE_ID), current -> current
			.withPersonStatus(PersonStatus.NotIdentified)
			.withProtection(Protection.None));
	}
}
