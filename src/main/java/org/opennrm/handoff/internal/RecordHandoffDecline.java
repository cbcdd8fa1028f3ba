package org.opennrm.handoff.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opennrm.handoff.ServiceHandoffProcess.Variables;
import org.springframework.stereotype.Component;

/** Records that the receiving agency declined, and why. */
@Component("recordHandoffDecline")
class RecordHandoffDecline implements JavaDelegate {

	private final JdbcHandoffs handoffs;

	RecordHandoffDecline(JdbcHandoffs handoffs) {
		this.handoffs = handoffs;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.handoffs.decline(execution.getProcessInstanceId(), (String) execution.getVariable(Variables.DECLINE_REASON));
	}
}
