package org.opennrm.risk.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.opennrm.deadlines.DeadlineEscalations;
import org.opennrm.platform.TrustedEngineCalls;
import org.opennrm.risk.RiskAssessmentProcess;
import org.springframework.stereotype.Component;

/**
 * When the joint assessment ends (both assessments made, or cancelled with its process), an escalation of its deadline
 * closes: what the deadlines module does for a task with a due date, done here for the embedded subprocess that
 * carries this model's deadline. Closing an escalation is the system's step, not the assessor's, so it runs without
 * the assessor's engine authorizations (they may not update the escalation's process).
 */
@Component("riskAssessmentDeadlineMet")
class RiskAssessmentDeadlineMet implements ExecutionListener {

	@Override
	public void notify(DelegateExecution execution) {
		TrustedEngineCalls.withinCommand(() -> {
			DeadlineEscalations.deadlineMet(execution.getProcessEngineServices().getRuntimeService(),
					execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
					RiskAssessmentProcess.SUB_PROCESS_ASSESS_RISK_TOGETHER);
			return null;
		});
	}
}
