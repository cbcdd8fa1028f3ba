package org.opennrm.tasks;

import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.opennrm.i18n.Text;

/**
 * The typed body that completes one kind of user task. The record's components are the names of the process
 * variables the task sets (and of the fields of its Camunda Form), and its Bean Validation constraints are checked on
 * every path that completes the task: our API and Tasklist. Components marked {@link Sensitive} go to the
 * {@link SensitiveSink}, never into the process; components marked {@link DisplayOnly} are never written.
 *
 * @param processKey the key of the process the task belongs to
 * @param taskKey the task's id in the model ({@code Task_ScreenIndicators})
 * @param type the record that is the body
 * @param check rules that need the process's state as well as the body (optional)
 * @param sink where sensitive fields go (required when the record has any)
 */
public record TaskForm<F extends Record>(String processKey, String taskKey, Class<F> type, Check<F> check,
		SensitiveSink sink) {

	public TaskForm {
		Objects.requireNonNull(processKey, "processKey");
		Objects.requireNonNull(taskKey, "taskKey");
		Objects.requireNonNull(type, "type");
	}

	public static <F extends Record> TaskForm<F> of(String processKey, String taskKey, Class<F> type) {
		return new TaskForm<>(processKey, taskKey, type, null, null);
	}

	/** Adds rules that compare the body with the process's state (the completing task is the scope). */
	public TaskForm<F> checkedBy(Check<F> check) {
		return new TaskForm<>(this.processKey, this.taskKey, this.type, check, this.sink);
	}

	/** Names where the sensitive fields go. */
	public TaskForm<F> storingSensitiveFieldsIn(SensitiveSink sink) {
		return new TaskForm<>(this.processKey, this.taskKey, this.type, this.check, sink);
	}

	/** The name under which the API description lists this body. */
	public String schemaName() {
		return this.type.getSimpleName();
	}

	/** Rules that need the task and its process as well as the body. */
	@FunctionalInterface
	public interface Check<F extends Record> {

		/** @return field name to what is wrong; empty when valid */
		Map<String, Text> violations(F form, DelegateTask task);
	}

	/** Keeps a completion's sensitive fields, in the completing transaction. */
	@FunctionalInterface
	public interface SensitiveSink {

		/**
		 * @param task the task being completed (its case reference, process and assignee)
		 * @param values sensitive field name to value (lists for multi-select fields)
		 */
		void store(DelegateTask task, Map<String, Object> values);

		/**
		 * Who completes the task: whoever holds it, or the signed-in user for a completion without a claim (the
		 * engine has checked that they may work on it).
		 * @throws IllegalStateException when neither is known: sensitive content is never kept without its author
		 */
		static String completingUser(DelegateTask task) {
			if (task.getAssignee() != null) {
				return task.getAssignee();
			}
			Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
			if (current == null || current.getUserId() == null) {
				throw new IllegalStateException("Sensitive content is kept with the user who wrote it");
			}
			return current.getUserId();
		}
	}
}
