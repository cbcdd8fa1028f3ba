package org.opennrm.transnational.internal;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.opennrm.deadlines.DeadlineEscalations;
import org.opennrm.transnational.IncomingTransnationalReferralProcess;
import org.opennrm.transnational.TransnationalReferralProcess;
import org.springframework.stereotype.Component;

/**
 * The messages the service itself delivers to the referral processes, once its own checks have passed: a peer's
 * receipt or answer, a withdrawal. Called by the service's own threads (delivery, the peer endpoint, jobs), which act
 * for no signed-in user.
 */
@Component
class ProcessMessages {

	private final RuntimeService runtimeService;

	ProcessMessages(RuntimeService runtimeService) {
		this.runtimeService = runtimeService;
	}

	/** The package arrived: the referral waits for the answer, and the delivery clock's escalation closes. */
	void packageDelivered(String processInstanceId) {
		if (processInstanceId == null) {
			return;
		}
		this.runtimeService.createMessageCorrelation(TransnationalReferralProcess.MESSAGE_PACKAGE_DELIVERED)
			.processInstanceId(processInstanceId)
			.correlateAllWithResult();
		ProcessInstance referral = this.runtimeService.createProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult();
		DeadlineEscalations.deadlineMet(this.runtimeService, referral == null ? null : referral.getBusinessKey(),
				processInstanceId, TransnationalReferralProcess.TASK_AWAIT_DELIVERY);
	}

	void decisionReceived(String processInstanceId, Map<String, Object> answer) {
		if (processInstanceId == null) {
			return;
		}
		this.runtimeService.createMessageCorrelation(TransnationalReferralProcess.MESSAGE_DECISION_RECEIVED)
			.processInstanceId(processInstanceId)
			.setVariables(answer)
			.correlateAllWithResult();
	}

	void incomingWithdrawn(String processInstanceId) {
		if (processInstanceId == null) {
			return;
		}
		this.runtimeService.createMessageCorrelation(IncomingTransnationalReferralProcess.MESSAGE_REFERRAL_WITHDRAWN)
			.processInstanceId(processInstanceId)
			.correlateAllWithResult();
	}
}
