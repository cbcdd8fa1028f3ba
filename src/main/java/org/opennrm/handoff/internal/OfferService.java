package org.opennrm.handoff.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opennrm.cases.CaseVariables;
import org.opennrm.deadlines.Deadlines;
import org.opennrm.handoff.ServiceHandoffProcess;
import org.opennrm.handoff.ServiceHandoffProcess.ServiceType;
import org.opennrm.handoff.ServiceHandoffProcess.Variables;
import org.springframework.stereotype.Component;

/** Records the offer of a service to the receiving agency, with when its answer is due. */
@Component("offerService")
class OfferService implements JavaDelegate {

	private final JdbcHandoffs handoffs;

	private final Deadlines deadlines;

	OfferService(JdbcHandoffs handoffs, Deadlines deadlines) {
		this.handoffs = handoffs;
		this.deadlines = deadlines;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.handoffs.offer(new JdbcHandoffs.Offer(execution.getProcessInstanceId(),
				(String) execution.getVariable(CaseVariables.CASE_ID),
				ServiceType.valueOf((String) execution.getVariable(Variables.SERVICE)),
				(String) execution.getVariable(Variables.REFERRING_AGENCY),
				(String) execution.getVariable(Variables.RECEIVING_AGENCY),
				this.deadlines.due(execution, ServiceHandoffProcess.CLOCK_HANDOFF_RESPONSE).toInstant()));
	}
}
