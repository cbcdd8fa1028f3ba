package org.opennrm.oversight;

import java.time.Instant;
import java.util.List;

/**
 * A supervisor moved one or more tasks to another worker, all in one transaction.
 *
 * @param tasks each task and who held it before and after
 * @param by the supervisor
 * @param reason why, in the supervisor's words (no personal data)
 * @param at when
 */
public record TasksReassigned(List<Reassignment> tasks, String by, String reason, Instant at) {

	public TasksReassigned {
		tasks = List.copyOf(tasks);
	}

	/**
	 * One task.
	 *
	 * @param taskId the task
	 * @param taskType its id in the model
	 * @param caseReference the case it works on
	 * @param from who held it before ({@code null}: nobody)
	 * @param to who holds it now
	 */
	public record Reassignment(String taskId, String taskType, String caseReference, String from, String to) {
	}
}
