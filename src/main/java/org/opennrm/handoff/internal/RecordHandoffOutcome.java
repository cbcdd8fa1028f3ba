package org.opennrm.handoff.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opennrm.handoff.HandoffStatus;
import org.opennrm.handoff.ServiceHandoffProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * Records how an accepted service ended ({@code serviceOutcome}); for psycho-social support, how the support ended
 * ({@code supportOutcome}) is its reason.
 */
@Component("recordHandoffOutcome")
class RecordHandoffOutcome implements JavaDelegate {

	private final JdbcHandoffs handoffs;

	RecordHandoffOutcome(JdbcHandoffs handoffs) {
		this.handoffs = handoffs;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.handoffs.finish(execution.getProcessInstanceId(),
				HandoffStatus.valueOf((String) execution.getVariable(Variables.SERVICE_OUTCOME)),
				(String) execution.getVariable(Variables.SUPPORT_OUTCOME));
	}
}
