package org.opennrm.tasks;

import java.util.Objects;

/**
 * The typed body that completes one kind of user task. The record's components are the names of the process
 * variables the task sets (and of the fields of its Camunda Form), and its Bean Validation constraints are checked on
 * every path that completes the task: our API and Tasklist.
 *
 * @param processKey the key of the process the task belongs to
 * @param taskKey the task's id in the model ({@code Task_ScreenIndicators})
 * @param type the record that is the body
 */
public record TaskForm<F extends Record>(String processKey, String taskKey, Class<F> type) {

	public TaskForm {
		Objects.requireNonNull(processKey, "processKey");
		Objects.requireNonNull(taskKey, "taskKey");
		Objects.requireNonNull(type, "type");
	}

	public static <F extends Record> TaskForm<F> of(String processKey, String taskKey, Class<F> type) {
		return new TaskForm<>(processKey, taskKey, type);
	}

	/** The name under which the API description lists this body. */
	public String schemaName() {
		return this.type.getSimpleName();
	}
}
