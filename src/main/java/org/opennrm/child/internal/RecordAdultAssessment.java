package org.opennrm.child.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.springframework.stereotype.Component;

/** An age assessment found an adult: the registry moves the case to the adult track; its services go on. */
@Component("recordAdultAssessment")
class RecordAdultAssessment implements JavaDelegate {

	private final Cases cases;

	RecordAdultAssessment(Cases cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.cases.change((String) execution.getVariable(CaseVariables.CASE_ID), Case::assessedAsAdult);
	}
}
