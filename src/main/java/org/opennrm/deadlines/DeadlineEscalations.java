package org.opennrm.deadlines;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;

/** What the processes with deadlines tell the escalations of {@link DeadlineEscalationProcess}. */
public final class DeadlineEscalations {

	private DeadlineEscalations() {
	}

	/**
	 * Closes the escalations of a deadline that was met: the {@link DeadlineEscalationProcess#MESSAGE_DEADLINE_MET}
	 * message to every escalation that the process instance started for the task (or other step) of that key; none if
	 * there is none.
	 * <p>
	 * An escalation carries its caller's business key (every call activity that calls the escalation passes it on,
	 * which a rule of the models holds; a process's business key is set as it starts and never changed), so a caller
	 * with a business key names it, and the engine looks only at that case's process instances. Without one it looks
	 * at every escalation's variables: well under a millisecond at 10,000 open cases on analysed tables, but 26 ms a
	 * call on average in one benchmark run (src/docs/benchmarks.md, W1).
	 *
	 * @param businessKey the business key of the process instance, or null if it has none
	 */
	public static void deadlineMet(RuntimeService runtimeService, String businessKey, String processInstanceId,
			String overdueKey) {
		MessageCorrelationBuilder message = runtimeService
			.createMessageCorrelation(DeadlineEscalationProcess.MESSAGE_DEADLINE_MET);
		if (businessKey != null) {
			message.processInstanceBusinessKey(businessKey);
		}
		message
			.processInstanceVariableEquals(DeadlineEscalationProcess.Variables.OVERDUE_PROCESS_INSTANCE_ID,
					processInstanceId)
			.processInstanceVariableEquals(DeadlineEscalationProcess.Variables.OVERDUE_TASK_KEY, overdueKey)
			.correlateAllWithResult();
	}
}
