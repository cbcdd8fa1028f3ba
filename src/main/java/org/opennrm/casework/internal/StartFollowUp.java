package org.opennrm.casework.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.springframework.stereotype.Component;

/** The case stays open as HTCDS {@code FollowUp} until its final closure. */
@Component("startFollowUp")
class StartFollowUp implements JavaDelegate {

	private final Cases cases;

	StartFollowUp(Cases cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.cases.change((String) execution.getVariable(CaseVariables.CASE_ID), Case::followUp);
	}
}
