package org.opennrm.handoff.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records that the receiving agency took the person on. */
@Component("recordHandoffAcceptance")
class RecordHandoffAcceptance implements JavaDelegate {

	private final JdbcHandoffs handoffs;

	RecordHandoffAcceptance(JdbcHandoffs handoffs) {
		this.handoffs = handoffs;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.handoffs.accept(execution.getProcessInstanceId());
	}
}
