package org.opennrm.handoff.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opennrm.cases.CaseVariables;
import org.opennrm.handoff.ServiceHandoffProcess.ServiceType;
import org.opennrm.handoff.ServiceHandoffProcess.Variables;
import org.springframework.stereotype.Component;

/** Records that the referring agency withdrew the hand-off (also one that no provider was ever offered). */
@Component("recordHandoffWithdrawal")
class RecordHandoffWithdrawal implements JavaDelegate {

	private final JdbcHandoffs handoffs;

	RecordHandoffWithdrawal(JdbcHandoffs handoffs) {
		this.handoffs = handoffs;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.handoffs.withdraw(new JdbcHandoffs.Withdrawal(execution.getProcessInstanceId(),
				(String) execution.getVariable(CaseVariables.CASE_ID),
				ServiceType.valueOf((String) execution.getVariable(Variables.SERVICE)),
				(String) execution.getVariable(Variables.REFERRING_AGENCY)));
	}
}
