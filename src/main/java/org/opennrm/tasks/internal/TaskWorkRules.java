package org.opennrm.tasks.internal;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.opennrm.i18n.ProcessTexts;
import org.opennrm.i18n.Text;
import org.opennrm.platform.ActionRefused;
import org.opennrm.platform.EngineActor;
import org.opennrm.platform.EngineCommandRule;
import org.opennrm.platform.InvalidFields;
import org.opennrm.platform.TrustedEngineCalls;
import org.opennrm.platform.UserCommand;
import org.opennrm.security.Role;
import org.opennrm.tasks.StartForm;
import org.opennrm.tasks.TaskForm;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The rules of working on tasks and starting cases, applied inside the engine to every command a signed-in user sends
 * (ADR 20), so that our API, Tasklist and the engine REST API cannot differ:
 * <ul>
 * <li>a task is held only by someone it is for: a member of one of its candidate groups, or a candidate user (a
 * substitute covering an absence);</li>
 * <li>a user claims or takes a task only for themselves, and only one nobody else holds; a supervisor may hand a
 * task to someone it is for, or release it, or let a substitute work on it; nobody changes which groups a task is
 * for;</li>
 * <li>a task the process assigns to one person (a child's guardian; {@link PersonalTaskGrants}) stays with them: it is
 * not released, handed over or given a substitute;</li>
 * <li>only the user who holds a task completes it, while it is still for them, and only with its form's fields;</li>
 * <li>a user starts only a process that has a start form, from its start, with that form's fields and no business
 * key of their own; actor fields (who opened a case) come from the engine, never from the caller.</li>
 * </ul>
 * <p>
 * A refusal never tells a user of a task they may not see (whose groups it is for, who holds it): they are told there
 * is no such task, as our API tells them.
 * <p>
 * Facts about the task are read as trusted calls: the user may not be allowed to read its identity links or other
 * users' groups, and the answer is a yes or no, never returned to them.
 */
@Component
@Order(1)
class TaskWorkRules implements EngineCommandRule {

	static final Text NOT_A_FIELD = Text.of("problem.form.notAField");

	private final RepositoryService repositoryService;

	private final IdentityService identityService;

	private final TrustedEngineCalls trustedCalls;

	private final TaskForms forms;

	private final Map<String, String> processKeys = new ConcurrentHashMap<>();

	TaskWorkRules(RepositoryService repositoryService, IdentityService identityService,
			TrustedEngineCalls trustedCalls, TaskForms forms) {
		this.repositoryService = repositoryService;
		this.identityService = identityService;
		this.trustedCalls = trustedCalls;
		this.forms = forms;
	}

	@Override
	public void check(UserCommand command, EngineActor actor) {
		try {
			switch (command.kind()) {
				case COMPLETE_TASK, SUBMIT_TASK_FORM -> completion(command, actor);
				case CLAIM_TASK -> take(command.taskId(), command.userId(), actor, false);
				case ASSIGN_TASK -> take(command.taskId(), command.userId(), actor, true);
				case ADD_TASK_IDENTITY_LINK, DELETE_TASK_IDENTITY_LINK -> identityLink(command, actor);
				case START_PROCESS -> start(command);
				default -> {
				}
			}
		}
		catch (ActionRefused | InvalidFields refusal) {
			if (command.taskId() != null && !mayRead(command.taskId())) {
				throw notFound();
			}
			throw refusal;
		}
	}

	/**
	 * Whether the signed-in user may read the task, by the check our API makes before it answers (as the user, in the
	 * command's context, where the rules have already read the task). Asked only where the answer would otherwise tell
	 * them of a task they may not see. Outside a command (never, through {@code EngineCommandRules}) they may not.
	 */
	private static boolean mayRead(String taskId) {
		CommandContext context = Context.getCommandContext();
		return context != null && VisibleTasks.readable(context, taskId) != null;
	}

	/** The answer to a task the user may not see: the one our API gives. */
	private static ActionRefused notFound() {
		return ActionRefused.notFound("problem.task.notFound");
	}

	private void completion(UserCommand command, EngineActor actor) {
		TaskFacts task = facts(command.taskId());
		if (task == null) {
			return;
		}
		if (task.assignee() == null) {
			throw ActionRefused.conflict("problem.task.claimBeforeCompleting");
		}
		if (!task.assignee().equals(actor.userId())) {
			throw ActionRefused.conflict("problem.task.claimedByOtherCompletes");
		}
		if (!task.isFor(actor.userId(), actor.groupIds())) {
			throw ActionRefused.forbidden("problem.task.noLongerForYou");
		}
		Set<String> fields = this.forms.find(task.processKey(), task.taskKey())
			.map(TaskForm::type)
			.map(TaskForms::fields)
			.orElse(Set.of());
		refuseOtherFields(command.variables().keySet(), fields);
	}

	/**
	 * Claiming ({@code claim}) or setting the assignee ({@code assign}): to oneself, a task nobody else holds and that
	 * is for you; a supervisor may also assign it to someone it is for. With no user, it is released: by whoever
	 * holds it, or a supervisor.
	 */
	private void take(String taskId, String userId, EngineActor actor, boolean assign) {
		TaskFacts task = facts(taskId);
		if (task == null) {
			return;
		}
		boolean supervisor = actor.isMemberOf(Role.SUPERVISOR.groupId());
		if (task.personal() && task.assignee() != null && !task.assignee().equals(userId)) {
			// Held by the person the case names (a child's guardian): released, nobody of its group would see it;
			// handed over, someone else would see the case.
			throw ActionRefused.forbidden("problem.task.forOnePerson");
		}
		if (userId == null) {
			if (task.assignee() != null && !task.assignee().equals(actor.userId()) && !supervisor) {
				throw ActionRefused.conflict("problem.task.claimedByOtherReleases");
			}
			// Releasing a task nobody holds passes (it changes nothing), but on a task the user may not see the engine
			// refuses it in words of its own, which would tell them apart from a held one.
			if (task.assignee() == null && !supervisor && !mayRead(taskId)) {
				throw notFound();
			}
			return;
		}
		if (!userId.equals(actor.userId())) {
			if (!assign || !supervisor) {
				throw ActionRefused.forbidden("problem.task.takeOnlyForYourself");
			}
			if (!task.isFor(userId, groupsOf(userId))) {
				throw ActionRefused.forbidden("problem.task.userNotInGroups", userId,
						ProcessTexts.groups(task.candidateGroups()));
			}
			return;
		}
		if (task.assignee() != null && !task.assignee().equals(actor.userId())) {
			throw ActionRefused.conflict("problem.task.alreadyClaimed");
		}
		if (!task.isFor(actor.userId(), actor.groupIds())) {
			throw ActionRefused.forbidden("problem.task.forOtherGroups", ProcessTexts.groups(task.candidateGroups()));
		}
	}

	private void identityLink(UserCommand command, EngineActor actor) {
		boolean adding = command.kind() == UserCommand.Kind.ADD_TASK_IDENTITY_LINK;
		if (IdentityLinkType.ASSIGNEE.equals(command.linkType()) && command.groupId() == null) {
			take(command.taskId(), adding ? command.userId() : null, actor, true);
			return;
		}
		if (command.groupId() != null || !IdentityLinkType.CANDIDATE.equals(command.linkType())) {
			throw ActionRefused.forbidden("problem.task.groupsFromProcess");
		}
		if (!actor.isMemberOf(Role.SUPERVISOR.groupId())) {
			throw ActionRefused.forbidden("problem.task.onlySupervisorsCover");
		}
		if (adding) {
			TaskFacts task = facts(command.taskId());
			if (task != null && task.personal()) {
				throw ActionRefused.forbidden("problem.task.forOnePerson");
			}
			if (task != null && groupsOf(command.userId()).stream().noneMatch(task.candidateGroups()::contains)) {
				throw ActionRefused.forbidden("problem.task.userNotInGroups", command.userId(),
						ProcessTexts.groups(task.candidateGroups()));
			}
		}
	}

	private void start(UserCommand command) {
		if (command.atActivities()) {
			throw ActionRefused.forbidden("problem.process.startAtBeginning");
		}
		String processKey = command.processDefinitionKey() != null ? command.processDefinitionKey()
				: processKey(command.processDefinitionId());
		StartForm<?> form = processKey == null ? null : this.forms.findStart(processKey).orElse(null);
		if (form == null) {
			throw ActionRefused.forbidden("problem.process.startedByService");
		}
		Map<String, Text> errors = new TreeMap<>();
		if (command.businessKey() != null && !command.businessKey().isBlank()) {
			errors.put("businessKey", Text.of("problem.process.businessKeyGiven"));
		}
		otherFields(command.variables().keySet(), TaskForms.fields(form.type()))
			.forEach(name -> errors.put(name, NOT_A_FIELD));
		if (!errors.isEmpty()) {
			throw new InvalidFields(errors);
		}
	}

	private static void refuseOtherFields(Set<String> sent, Set<String> fields) {
		Set<String> other = otherFields(sent, fields);
		if (!other.isEmpty()) {
			throw new InvalidFields(other.stream().collect(Collectors.toMap(name -> name, name -> NOT_A_FIELD)));
		}
	}

	private static Set<String> otherFields(Set<String> sent, Set<String> fields) {
		return sent.stream().filter(name -> !fields.contains(name)).collect(Collectors.toCollection(TreeSet::new));
	}

	/** What the rules need to know of a task, or {@code null} if there is none (the engine then says so itself). */
	private TaskFacts facts(String taskId) {
		if (taskId == null) {
			return null;
		}
		return this.trustedCalls.run(() -> {
			// The task's row and its links read by id, not through a task query: every claim and completion asks,
			// and a task query's dynamic SQL costs more than the rest of the check. Read in the command's own
			// context (EngineCommandRules), where the claim or completion then finds both without reading again.
			TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(taskId);
			if (task == null) {
				return null;
			}
			Set<String> groups = new TreeSet<>();
			Set<String> users = new TreeSet<>();
			for (IdentityLink link : task.getIdentityLinks()) {
				if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
					if (link.getGroupId() != null) {
						groups.add(link.getGroupId());
					}
					if (link.getUserId() != null) {
						users.add(link.getUserId());
					}
				}
			}
			return new TaskFacts(task.getAssignee(), processKey(task.getProcessDefinitionId()),
					task.getTaskDefinitionKey(), groups, users, PersonalTaskGrants.personal(task));
		});
	}

	private Set<String> groupsOf(String userId) {
		return this.trustedCalls.run(() -> this.identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.collect(Collectors.toSet()));
	}

	private String processKey(String processDefinitionId) {
		if (processDefinitionId == null) {
			return null;
		}
		return this.processKeys.computeIfAbsent(processDefinitionId, id -> this.trustedCalls
			.run(() -> this.repositoryService.createProcessDefinitionQuery()
				.processDefinitionId(id)
				.list()
				.stream()
				.findFirst()
				.map(definition -> definition.getKey())
				.orElse(null)));
	}

	/** A task as the rules see it; {@code personal}: the process assigns it to one person (PersonalTaskGrants). */
	private record TaskFacts(String assignee, String processKey, String taskKey, Set<String> candidateGroups,
			Set<String> candidateUsers, boolean personal) {

		/** Whether the task is for this user: a candidate user, or a member of a candidate group. */
		boolean isFor(String userId, Set<String> groupsOfUser) {
			return this.candidateUsers.contains(userId) || groupsOfUser.stream().anyMatch(this.candidateGroups::contains);
		}
	}
}
