package org.opennrm.tasks;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Working on tasks as the signed-in user, for other modules' pages: the very service behind {@code /api/tasks} and
 * the rules Tasklist's completions pass (claim before completing, never a task someone else holds, typed and validated
 * bodies, sensitive fields to their sink, a 409 for the loser of a double submit, the same audit events).
 */
public interface TaskWork {

	/** My tasks and my groups' unclaimed tasks, most urgent first, optionally of one case. */
	TaskPage list(String caseReference, int firstResult, int maxResults);

	/** Claims a task for me; nothing happens if I hold it already; 409 if someone else does. */
	void claim(String taskId);

	/** Completes a task I hold with the body of its form; 400 naming the fields that break its rules. */
	void complete(String taskId, JsonNode body);

	/**
	 * What the task's form shows without writing it (its {@link DisplayOnly} fields, such as the screening's
	 * recommendation), read as the signed-in user.
	 */
	Map<String, Object> shown(String taskId);
}
