package org.opennrm.handoff.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records that the referring agency withdrew the hand-off. */
@Component("recordHandoffWithdrawal")
class RecordHandoffWithdrawal implements JavaDelegate {

	private final JdbcHandoffs handoffs;

	RecordHandoffWithdrawal(JdbcHandoffs handoffs) {
		this.handoffs = handoffs;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.handoffs.withdraw(execution.getProcessInstanceId());
	}
}
