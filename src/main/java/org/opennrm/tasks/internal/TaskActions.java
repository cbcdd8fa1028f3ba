package org.opennrm.tasks.internal;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.opennrm.platform.EngineClock;
import org.opennrm.platform.Problems;
import org.opennrm.platform.TrustedEngineCalls;
import org.opennrm.security.CurrentUser;
import org.opennrm.security.NrmUser;
import org.opennrm.tasks.FormValues;
import org.opennrm.tasks.TaskClaimed;
import org.opennrm.tasks.TaskCompleted;
import org.opennrm.tasks.TaskForm;
import org.opennrm.tasks.TaskPage;
import org.opennrm.tasks.TaskView;
import org.opennrm.tasks.TaskWork;
import org.opennrm.tasks.DisplayOnly;
import org.opennrm.tasks.internal.VisibleTasks.ListedTask;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a caseworker does with tasks. The engine's authorization decides what they see and may work on: a task is read
 * under its read check and worked on by commands run as the signed-in user, and the list follows the rule those grants
 * give (ADR 16, ADR 33). This class adds the rules of working: claim before you complete, never take a task someone
 * else holds, and a conflict is a 409, not a silent overwrite.
 */
@Service
@Transactional
class TaskActions implements TaskWork {

	private final TaskService taskService;

	private final RuntimeService runtimeService;

	private final RepositoryService repositoryService;

	private final HistoryService historyService;

	private final TrustedEngineCalls trustedCalls;

	private final TaskForms forms;

	private final FormValues values;

	private final ApplicationEventPublisher events;

	private final Cases cases;

	private final VisibleTasks visibleTasks;

	private final Map<String, String> processKeys = new ConcurrentHashMap<>();

	TaskActions(TaskService taskService, RuntimeService runtimeService, RepositoryService repositoryService,
			HistoryService historyService, TrustedEngineCalls trustedCalls, TaskForms forms, FormValues values,
			ApplicationEventPublisher events, Cases cases, VisibleTasks visibleTasks) {
		this.taskService = taskService;
		this.runtimeService = runtimeService;
		this.repositoryService = repositoryService;
		this.historyService = historyService;
		this.trustedCalls = trustedCalls;
		this.forms = forms;
		this.values = values;
		this.events = events;
		this.cases = cases;
		this.visibleTasks = visibleTasks;
	}

	/**
	 * My tasks, my groups' unclaimed tasks and the tasks I cover for an absent colleague, most urgent first.
	 * <p>
	 * The rule is the need-to-know rule: the user's own tasks, their groups' unclaimed ones and those they are a
	 * candidate user on are exactly what the engine's task authorizations grant them (a candidate group or user gets
	 * its task's permissions; nothing else grants a worker tasks). A task its process assigns to one person has no
	 * group grant ({@link PersonalTaskGrants}) and is never unclaimed, so no group's list shows it. It runs without
	 * the engine's authorization join, which grows with the square of a group's queue (ADR 16), as our own statement
	 * (ADR 33; the engine's task query where that statement is not in use). {@code TaskListEquivalenceIT} proves all
	 * of them give the same page and count.
	 */
	@Override
	@Transactional(readOnly = true)
	public TaskPage list(String caseReference, int firstResult, int maxResults) {
		NrmUser user = CurrentUser.get();
		return this.visibleTasks.list(user, caseReference, firstResult, maxResults)
			.map(listed -> new TaskPage(listed.page().stream().map(this::view).toList(), listed.total(), firstResult,
					maxResults))
			.orElseGet(() -> listByEngineQuery(caseReference, firstResult, maxResults));
	}

	/** The same list through the engine's task query, trusted: where our statement is not in use, and in tests. */
	@Transactional(readOnly = true)
	TaskPage listByEngineQuery(String caseReference, int firstResult, int maxResults) {
		NrmUser user = CurrentUser.get();
		return this.trustedCalls.run(() -> page(myTasks(user, caseReference), firstResult, maxResults));
	}

	/** The same list with the engine's own authorization check: the reference the trusted list is proven against. */
	@Transactional(readOnly = true)
	TaskPage listCheckedByEngine(String caseReference, int firstResult, int maxResults) {
		return page(myTasks(CurrentUser.get(), caseReference), firstResult, maxResults);
	}

	private TaskQuery myTasks(NrmUser user, String caseReference) {
		TaskQuery query = this.taskService.createTaskQuery();
		if (caseReference != null) {
			query.processInstanceBusinessKey(caseReference);
		}
		if (user.groupIds().isEmpty()) {
			query.or().taskAssignee(user.userId()).taskInvolvedUser(user.userId()).endOr();
		}
		else {
			// Involved: a candidate user, e.g. a substitute covering an absent colleague's assigned tasks.
			query.or()
				.taskAssignee(user.userId())
				.taskCandidateGroupIn(user.groupIdList())
				.taskInvolvedUser(user.userId())
				.endOr();
		}
		return query;
	}

	/**
	 * A page of the list and the list's size. A first page with room to spare holds the whole list, so its size is
	 * the count, and the count's query (as costly as the page's) is not sent: the API's clients poll for their next
	 * task with exactly such pages.
	 */
	private TaskPage page(TaskQuery query, int firstResult, int maxResults) {
		List<Task> tasks = query.orderByTaskPriority()
			.desc()
			.orderByDueDate()
			.asc()
			.orderByTaskCreateTime()
			.asc()
			.orderByTaskId()
			.asc()
			.listPage(firstResult, maxResults);
		long total = firstResult == 0 && tasks.size() < maxResults ? tasks.size() : query.count();
		return new TaskPage(views(tasks), total, firstResult, maxResults);
	}

	@Transactional(readOnly = true)
	TaskView get(String taskId) {
		return views(List.of(visible(taskId))).get(0);
	}

	@Override
	public void claim(String taskId) {
		NrmUser user = CurrentUser.get();
		Task task = visible(taskId);
		if (user.userId().equals(task.getAssignee())) {
			return;
		}
		if (task.getAssignee() != null) {
			throw Problems.conflict("problem.task.alreadyClaimed");
		}
		this.taskService.claim(taskId, user.userId());
		this.events.publishEvent(new TaskClaimed(taskId, task.getTaskDefinitionKey(), task.getProcessInstanceId(),
				user.userId(), user.userId(), EngineClock.now()));
	}

	void unclaim(String taskId) {
		NrmUser user = CurrentUser.get();
		Task task = visible(taskId);
		if (task.getAssignee() == null) {
			return;
		}
		if (!user.userId().equals(task.getAssignee())) {
			throw Problems.conflict("problem.task.claimedByOtherReleasesApi");
		}
		this.taskService.claim(taskId, null);
		this.events.publishEvent(new TaskClaimed(taskId, task.getTaskDefinitionKey(), task.getProcessInstanceId(), null,
				user.userId(), EngineClock.now()));
	}

	@Override
	public void complete(String taskId, JsonNode body) {
		NrmUser user = CurrentUser.get();
		// Completions on one case run one after another: a second submit waits for the first and then finds the task
		// completed, instead of racing it inside the engine.
		Task task = this.visibleTasks.findWithCaseLocked(taskId, this.cases::lock).orElse(null);
		if (task == null) {
			throw completedByMe(taskId, user) ? Problems.conflict("problem.task.alreadyCompleted")
					: Problems.notFound("problem.task.notFound");
		}
		if (task.getAssignee() == null) {
			throw Problems.conflict("problem.task.claimBeforeCompleting");
		}
		if (!user.userId().equals(task.getAssignee())) {
			throw Problems.conflict("problem.task.claimedByOther");
		}
		TaskForm<?> form = this.forms.find(processKey(task), task.getTaskDefinitionKey())
			.orElseThrow(() -> Problems.conflict("problem.task.notThroughApi"));
		FormValues.Submission submission = this.values.fromBody(form.type(), body);
		try {
			this.taskService.complete(taskId, submission.toCompletion());
		}
		catch (ProcessEngineException ex) {
			// A second submit racing the first: the task (and the grant that came with it) is gone.
			if (completedByMe(taskId, user)) {
				throw Problems.conflict("problem.task.alreadyCompleted");
			}
			throw ex;
		}
		this.events.publishEvent(new TaskCompleted(taskId, task.getTaskDefinitionKey(), task.getProcessInstanceId(),
				user.userId(), EngineClock.now()));
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, Object> shown(String taskId) {
		Task task = visible(taskId);
		TaskForm<?> form = this.forms.find(processKey(task), task.getTaskDefinitionKey())
			.orElseThrow(() -> Problems.conflict("problem.task.notThroughApi"));
		List<String> names = java.util.Arrays.stream(form.type().getRecordComponents())
			.filter(component -> component.isAnnotationPresent(DisplayOnly.class))
			.map(java.lang.reflect.RecordComponent::getName)
			.toList();
		Map<String, Object> shown = new java.util.HashMap<>();
		if (!names.isEmpty()) {
			// Read as the user: the engine's authorization on the task decides.
			this.taskService.getVariables(taskId, names).forEach((name, value) -> {
				if (value != null) {
					shown.put(name, value);
				}
			});
		}
		return shown;
	}

	private Task visible(String taskId) {
		return this.visibleTasks.find(taskId).orElseThrow(() -> Problems.notFound("problem.task.notFound"));
	}

	/** Whether the task finished while assigned to this user: the loser of a double submit gets a 409. */
	private boolean completedByMe(String taskId, NrmUser user) {
		return this.trustedCalls.run(() -> this.historyService.createHistoricTaskInstanceQuery()
			.taskId(taskId)
			.taskAssignee(user.userId())
			.finished()
			.count() > 0);
	}

	private List<TaskView> views(List<Task> tasks) {
		Map<String, String> references = caseReferences(tasks.stream().map(Task::getId).collect(Collectors.toSet()));
		return tasks.stream()
			.map(task -> view(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getProcessDefinitionId(),
					references.get(task.getId()), task.getAssignee(), task.getCreateTime(), task.getDueDate()))
			.toList();
	}

	private TaskView view(ListedTask task) {
		return view(task.id(), task.name(), task.taskKey(), task.processDefinitionId(), task.caseReference(),
				task.assignee(), task.createTime(), task.dueDate());
	}

	private TaskView view(String id, String name, String taskKey, String processDefinitionId, String caseReference,
			String assignee, Date createTime, Date dueDate) {
		String processKey = processKey(processDefinitionId);
		String form = this.forms.find(processKey, taskKey).map(TaskForm::schemaName).orElse(null);
		return new TaskView(id, name, taskKey, processKey, caseReference, form, assignee,
				createTime == null ? null : createTime.toInstant(), dueDate == null ? null : dueDate.toInstant());
	}

	/** Each task carries its case reference as a task variable, readable by whoever may read the task. */
	private Map<String, String> caseReferences(Set<String> taskIds) {
		if (taskIds.isEmpty()) {
			return Map.of();
		}
		return this.runtimeService.createVariableInstanceQuery()
			.taskIdIn(taskIds.toArray(String[]::new))
			.variableName(CaseVariables.CASE_REFERENCE)
			.disableCustomObjectDeserialization()
			.listPage(0, taskIds.size())
			.stream()
			.collect(Collectors.toMap(VariableInstance::getTaskId, variable -> String.valueOf(variable.getValue()),
					(first, second) -> first));
	}

	private String processKey(Task task) {
		return processKey(task.getProcessDefinitionId());
	}

	private String processKey(String processDefinitionId) {
		return this.processKeys.computeIfAbsent(processDefinitionId, id -> this.trustedCalls
			.run(() -> this.repositoryService.getProcessDefinition(id).getKey()));
	}
}
