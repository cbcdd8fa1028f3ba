package org.opennrm.recovery.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.opennrm.cases.Protection;
import org.springframework.stereotype.Component;

/**
 * Ends the recovery period. Never a loss of protection: the person stays protected from removal until the formal
 * identification decision.
 */
@Component("endRecoveryPeriod")
class EndRecoveryPeriod implements JavaDelegate {

	private final Cases cases;

	EndRecoveryPeriod(Cases cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.cases.change((String) execution.getVariable(CaseVariables.CASE_ID),
				current -> current.withProtection(Protection.PendingFormalDecision));
	}
}
