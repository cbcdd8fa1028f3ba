package org.opennrm.recovery.internal;

import static org.opennrm.recovery.RecoveryPeriodProcess.CLOCK_RECOVERY_PERIOD_EXTENSION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opennrm.deadlines.Deadlines;
import org.opennrm.recovery.RecoveryPeriodProcess.Variables;
import org.springframework.stereotype.Component;

/** Extends the recovery period by the jurisdiction's extension, from the review's decision; protection goes on. */
@Component("extendRecoveryPeriod")
class ExtendRecoveryPeriod implements JavaDelegate {

	private final Deadlines deadlines;

	ExtendRecoveryPeriod(Deadlines deadlines) {
		this.deadlines = deadlines;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(Variables.RECOVERY_PERIOD_ENDS,
				this.deadlines.due(execution, CLOCK_RECOVERY_PERIOD_EXTENSION));
	}
}
