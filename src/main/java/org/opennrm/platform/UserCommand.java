package org.opennrm.platform;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AddIdentityLinkForProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstancesByProcessInstanceIdCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkForProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskOwnerCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * What a command asks of the engine, read off the engine's own command object, for the {@link EngineCommandRule}s.
 * The engine's commands keep their parameters in protected fields without getters; this is the one place that reads
 * them, and {@code UserCommandTest} builds each command the way the engine's services do and fails when a field moves
 * (an engine upgrade, or the move to Operaton). A command of a kind this class does not know is {@link Kind#OTHER}:
 * reads, and the engine's own administration, which its authorizations govern.
 *
 * @param kind what the command does
 * @param taskId the task it acts on, for task commands
 * @param userId the user it names (who claims, the new assignee, the user of an identity link, whose password is
 *        checked), if any
 * @param groupId the group of an identity link, if any
 * @param linkType the type of an identity link ({@code candidate}, {@code assignee}, {@code owner}), if any
 * @param variables the variables it sets (completion, form submission, start, BPMN error), never {@code null}
 * @param processDefinitionId the process it starts, by id, if given so
 * @param processDefinitionKey the process it starts, by key, if given so
 * @param businessKey the business key a start asks for, if any
 * @param atActivities whether a start asks to begin somewhere other than the start event
 * @param user the user a {@link Kind#SAVE_USER} command saves (with a new password, if it sets one)
 */
public record UserCommand(Kind kind, String taskId, String userId, String groupId, String linkType,
		Map<String, ?> variables, String processDefinitionId, String processDefinitionKey, String businessKey,
		boolean atActivities, User user) {

	/** The kinds of command the rules tell apart. */
	public enum Kind {

		/** Complete a task with variables. */
		COMPLETE_TASK,

		/** Submit a task's form (what Tasklist does). */
		SUBMIT_TASK_FORM,

		/** Resolve a delegated task. */
		RESOLVE_TASK,

		/** Claim (or, with no user, release) a task. */
		CLAIM_TASK,

		/** Set (or clear) a task's assignee. */
		ASSIGN_TASK,

		/** Delegate a task to someone else. */
		DELEGATE_TASK,

		/** Set a task's owner. */
		SET_TASK_OWNER,

		/** Add a user or group to a task (candidate, assignee or owner). */
		ADD_TASK_IDENTITY_LINK,

		/** Remove a user or group from a task. */
		DELETE_TASK_IDENTITY_LINK,

		/** End a task with a BPMN error. */
		TASK_BPMN_ERROR,

		/** Raise a BPMN escalation from a task. */
		TASK_ESCALATION,

		/** Create, save, delete or rename a task, or change its priority or dates. */
		CHANGE_TASK,

		/** Write, change or delete a comment or an attachment. */
		NOTE,

		/** Set, change or remove variables outside a completion, or delete their history. */
		WRITE_VARIABLES,

		/** Start a process instance. */
		START_PROCESS,

		/** Deploy models. */
		DEPLOY,

		/** Correlate a message or throw a signal. */
		SEND_EVENT,

		/** Change who may start a process. */
		CHANGE_STARTERS,

		/** Create or change a user of the identity store (a new password included). */
		SAVE_USER,

		/** Check a user's password (a sign-in). */
		CHECK_PASSWORD,

		/** Anything else: reads, and administration the engine's authorizations govern. */
		OTHER
	}

	public UserCommand {
		variables = variables == null ? Map.of() : variables;
	}

	/** The new password a {@link Kind#SAVE_USER} command sets, if it sets one. */
	public Optional<String> newPassword() {
		return this.user == null ? Optional.empty() : Optional.ofNullable((String) field(this.user, "newPassword"));
	}

	/** Names what the command asks for; never the values it carries (variables, passwords). */
	@Override
	public String toString() {
		return this.kind + (this.taskId == null ? "" : " task " + this.taskId)
				+ (this.userId == null ? "" : " user " + this.userId) + (this.groupId == null ? "" : " group " + this.groupId)
				+ (this.variables.isEmpty() ? "" : " variables " + this.variables.keySet());
	}

	private static UserCommand of(Kind kind) {
		return new UserCommand(kind, null, null, null, null, null, null, null, null, false, null);
	}

	private static UserCommand onTask(Kind kind, Object command) {
		return new UserCommand(kind, (String) field(command, "taskId"), null, null, null, null, null, null, null, false,
				null);
	}

	/** Reads what the engine's command asks for. */
	public static UserCommand of(Command<?> command) {
		// Subclasses before their superclasses: ResolveTaskCmd is a CompleteTaskCmd, AssignTaskCmd and
		// SetTaskOwnerCmd are identity-link commands.
		if (command instanceof ResolveTaskCmd) {
			return onTask(Kind.RESOLVE_TASK, command);
		}
		if (command instanceof CompleteTaskCmd) {
			return withVariables(Kind.COMPLETE_TASK, command, "variables");
		}
		if (command instanceof SubmitTaskFormCmd) {
			return withVariables(Kind.SUBMIT_TASK_FORM, command, "properties");
		}
		if (command instanceof HandleTaskBpmnErrorCmd) {
			return withVariables(Kind.TASK_BPMN_ERROR, command, "variables");
		}
		if (command instanceof HandleTaskEscalationCmd) {
			return withVariables(Kind.TASK_ESCALATION, command, "variables");
		}
		if (command instanceof ClaimTaskCmd) {
			return withUser(Kind.CLAIM_TASK, command);
		}
		if (command instanceof AssignTaskCmd) {
			return withUser(Kind.ASSIGN_TASK, command);
		}
		if (command instanceof SetTaskOwnerCmd) {
			return withUser(Kind.SET_TASK_OWNER, command);
		}
		if (command instanceof DelegateTaskCmd) {
			return withUser(Kind.DELEGATE_TASK, command);
		}
		if (command instanceof AbstractAddIdentityLinkCmd) {
			return identityLink(Kind.ADD_TASK_IDENTITY_LINK, command);
		}
		if (command instanceof DeleteIdentityLinkCmd) {
			return identityLink(Kind.DELETE_TASK_IDENTITY_LINK, command);
		}
		if (command instanceof StartProcessInstanceCmd || command instanceof StartProcessInstanceAtActivitiesCmd) {
			ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) field(command,
					"instantiationBuilder");
			boolean atActivities = command instanceof StartProcessInstanceAtActivitiesCmd
					|| builder.getModificationBuilder() != null
							&& !builder.getModificationBuilder().getModificationOperations().isEmpty();
			return new UserCommand(Kind.START_PROCESS, null, null, null, null, builder.getVariables(),
					builder.getProcessDefinitionId(), builder.getProcessDefinitionKey(), builder.getBusinessKey(),
					atActivities, null);
		}
		if (command instanceof SubmitStartFormCmd) {
			return new UserCommand(Kind.START_PROCESS, null, null, null, null,
					variables(field(command, "variables")), (String) field(command, "processDefinitionId"), null,
					(String) field(command, "businessKey"), false, null);
		}
		if (command instanceof CreateTaskCmd || command instanceof SaveTaskCmd || command instanceof DeleteTaskCmd
				|| command instanceof AbstractSetTaskPropertyCmd) {
			return of(Kind.CHANGE_TASK);
		}
		if (command instanceof AddCommentCmd || command instanceof UpdateCommentCmd
				|| command instanceof DeleteTaskCommentCmd || command instanceof DeleteProcessInstanceCommentCmd
				|| command instanceof CreateAttachmentCmd || command instanceof SaveAttachmentCmd
				|| command instanceof DeleteAttachmentCmd) {
			return of(Kind.NOTE);
		}
		if (command instanceof AbstractSetVariableCmd || command instanceof AbstractRemoveVariableCmd
				|| command instanceof AbstractPatchVariablesCmd || command instanceof SetVariablesToProcessInstancesBatchCmd
				|| command instanceof DeleteHistoricVariableInstanceCmd
				|| command instanceof DeleteHistoricVariableInstancesByProcessInstanceIdCmd) {
			return of(Kind.WRITE_VARIABLES);
		}
		if (command instanceof DeployCmd) {
			return of(Kind.DEPLOY);
		}
		if (command instanceof AbstractCorrelateMessageCmd || command instanceof CorrelateAllMessageBatchCmd
				|| command instanceof MessageEventReceivedCmd || command instanceof SignalEventReceivedCmd
				|| command instanceof SignalCmd) {
			return of(Kind.SEND_EVENT);
		}
		if (command instanceof SaveUserCmd) {
			return new UserCommand(Kind.SAVE_USER, null, null, null, null, null, null, null, null, false,
					(User) field(command, "user"));
		}
		if (command instanceof CheckPassword) {
			return new UserCommand(Kind.CHECK_PASSWORD, null, (String) field(command, "userId"), null, null, null, null,
					null, null, false, null);
		}
		if (command instanceof AddIdentityLinkForProcessDefinitionCmd
				|| command instanceof DeleteIdentityLinkForProcessDefinitionCmd) {
			return of(Kind.CHANGE_STARTERS);
		}
		return of(Kind.OTHER);
	}

	private static UserCommand withVariables(Kind kind, Object command, String variablesField) {
		return new UserCommand(kind, (String) field(command, "taskId"), null, null, null,
				variables(field(command, variablesField)), null, null, null, false, null);
	}

	private static UserCommand withUser(Kind kind, Object command) {
		return new UserCommand(kind, (String) field(command, "taskId"), (String) field(command, "userId"), null, null,
				null, null, null, null, false, null);
	}

	private static UserCommand identityLink(Kind kind, Object command) {
		return new UserCommand(kind, (String) field(command, "taskId"), (String) field(command, "userId"),
				(String) field(command, "groupId"), (String) field(command, "type"), null, null, null, null, false, null);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, ?> variables(Object value) {
		return value == null ? Map.of() : (Map<String, ?>) value;
	}

	private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();

	/** A protected field of an engine command, found up its class hierarchy. */
	private static Object field(Object command, String name) {
		Field field = FIELDS.computeIfAbsent(command.getClass().getName() + "#" + name,
				key -> find(command.getClass(), name));
		try {
			return field.get(command);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Cannot read " + name + " of " + command.getClass().getName(), ex);
		}
	}

	private static Field find(Class<?> type, String name) {
		for (Class<?> current = type; current != null; current = current.getSuperclass()) {
			try {
				Field field = current.getDeclaredField(name);
				field.setAccessible(true);
				return field;
			}
			catch (NoSuchFieldException ex) {
				// look further up
			}
		}
		throw new IllegalStateException("The engine's " + type.getName() + " has no field " + name
				+ ": the engine changed, and the rules cannot read this command");
	}
}
