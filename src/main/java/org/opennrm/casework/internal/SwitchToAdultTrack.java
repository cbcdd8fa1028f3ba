package org.opennrm.casework.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.opennrm.casework.NrmCaseProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * An age assessment found an adult: the registry records the switch, and the case follows the adult track from now
 * on. Services already running go on; nothing is restarted.
 */
@Component("switchToAdultTrack")
class SwitchToAdultTrack implements JavaDelegate {

	private final Cases cases;

	SwitchToAdultTrack(Cases cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.cases.change((String) execution.getVariable(CaseVariables.CASE_ID), Case::assessedAsAdult);
		execution.setVariable(Variables.IS_CHILD, false);
		execution.setVariable(Variables.AGE_UNCERTAIN, false);
	}
}
