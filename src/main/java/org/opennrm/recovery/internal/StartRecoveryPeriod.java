package org.opennrm.recovery.internal;

import static org.opennrm.recovery.RecoveryPeriodProcess.CLOCK_RECOVERY_PERIOD;
import static org.opennrm.recovery.RecoveryPeriodProcess.CLOCK_RECOVERY_PERIOD_FOREIGN_NATIONAL;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.opennrm.cases.Protection;
import org.opennrm.deadlines.Deadlines;
import org.opennrm.recovery.RecoveryPeriodProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * Starts the recovery period: no removal while it runs, and it ends after the jurisdiction's period (the one for
 * foreign nationals where the person is one).
 */
@Component("startRecoveryPeriod")
class StartRecoveryPeriod implements JavaDelegate {

	private final Cases cases;

	private final Deadlines deadlines;

	StartRecoveryPeriod(Cases cases, Deadlines deadlines) {
		this.cases = cases;
		this.deadlines = deadlines;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String clock = Boolean.TRUE.equals(execution.getVariable(Variables.FOREIGN_NATIONAL))
				? CLOCK_RECOVERY_PERIOD_FOREIGN_NATIONAL : CLOCK_RECOVERY_PERIOD;
		this.cases.change((String) execution.getVariable(CaseVariables.CASE_ID),
				current -> current.withProtection(Protection.RecoveryPeriod));
		execution.setVariable(Variables.RECOVERY_PERIOD_ENDS, this.deadlines.due(execution, clock));
	}
}
