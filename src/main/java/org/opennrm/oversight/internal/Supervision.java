package org.opennrm.oversight.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.opennrm.deadlines.DeadlineEscalationProcess;
import org.opennrm.deadlines.Jurisdictions;
import org.opennrm.oversight.internal.Views.CaseCounts;
import org.opennrm.oversight.internal.Views.DeadlineState;
import org.opennrm.oversight.internal.Views.DeadlineTask;
import org.opennrm.oversight.internal.Views.Escalation;
import org.opennrm.oversight.internal.Views.GroupLoad;
import org.opennrm.oversight.internal.Views.WorkerLoad;
import org.opennrm.oversight.internal.Views.Workload;
import org.opennrm.platform.EngineClock;
import org.opennrm.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What supervisors watch, read with their own engine authorizations (they may read every task and process instance).
 */
@Service
@Transactional(readOnly = true)
class Supervision {

	static final int MAX_TASKS = 2000;

	private final Cases cases;

	private final TaskService taskService;

	private final RuntimeService runtimeService;

	private final Jurisdictions jurisdictions;

	Supervision(Cases cases, TaskService taskService, RuntimeService runtimeService, Jurisdictions jurisdictions) {
		this.cases = cases;
		this.taskService = taskService;
		this.runtimeService = runtimeService;
		this.jurisdictions = jurisdictions;
	}

	CaseCounts caseCounts() {
		Map<String, Long> byStage = new TreeMap<>();
		Map<String, Long> byAgency = new TreeMap<>();
		Map<String, Long> byJurisdiction = new TreeMap<>();
		long total = 0;
		for (Cases.OpenCaseCount row : this.cases.countOpen()) {
			String stage = row.status() == CaseStatus.FollowUp ? CaseStatus.FollowUp.name() : row.personStatus().name();
			byStage.merge(stage, row.count(), Long::sum);
			byAgency.merge(row.leadAgency(), row.count(), Long::sum);
			byJurisdiction.merge(row.jurisdiction(), row.count(), Long::sum);
			total += row.count();
		}
		return new CaseCounts(total, byStage, byAgency, byJurisdiction);
	}

	/** Open tasks that are overdue or due soon ({@code null}: both), most urgent first. */
	List<DeadlineTask> deadlineTasks(DeadlineState wanted) {
		Date now = Date.from(EngineClock.now());
		List<Task> found = new ArrayList<>();
		if (wanted == null || wanted == DeadlineState.Overdue) {
			found.addAll(this.taskService.createTaskQuery().dueBefore(now).orderByDueDate().asc().listPage(0, MAX_TASKS));
		}
		if (wanted == null || wanted == DeadlineState.DueSoon) {
			found.addAll(this.taskService.createTaskQuery().dueAfter(now).orderByDueDate().asc().listPage(0, MAX_TASKS));
		}
		Map<String, String> references = caseReferences(found);
		Set<String> escalated = escalatedTasks();
		Map<String, Integer> percents = new HashMap<>();
		List<DeadlineTask> tasks = new ArrayList<>();
		for (Task task : found) {
			String reference = references.get(task.getId());
			Instant due = task.getDueDate().toInstant();
			Instant created = task.getCreateTime().toInstant();
			int percent = percents.computeIfAbsent(reference == null ? "" : reference, this::reminderPercent);
			Instant reminder = created.plus(Duration.between(created, due).multipliedBy(percent).dividedBy(100));
			DeadlineState state = !due.isAfter(now.toInstant()) ? DeadlineState.Overdue
					: !reminder.isAfter(now.toInstant()) ? DeadlineState.DueSoon : DeadlineState.OnTime;
			if (state == DeadlineState.OnTime || (wanted != null && state != wanted)) {
				continue;
			}
			tasks.add(new DeadlineTask(task.getId(), task.getName(), task.getTaskDefinitionKey(),
					task.getProcessDefinitionId(), reference,
					task.getAssignee(), candidateGroups(task.getId()), created, reminder, due, state,
					escalated.contains(task.getProcessInstanceId() + "/" + task.getTaskDefinitionKey())));
		}
		tasks.sort(Comparator.comparing(DeadlineTask::due));
		return tasks;
	}

	Workload workload() {
		Date now = Date.from(EngineClock.now());
		List<Task> open = this.taskService.createTaskQuery().taskAssigned().listPage(0, MAX_TASKS);
		Map<String, List<Task>> byAssignee = open.stream()
			.collect(Collectors.groupingBy(Task::getAssignee, TreeMap::new, Collectors.toList()));
		List<WorkerLoad> workers = byAssignee.entrySet()
			.stream()
			.map(entry -> new WorkerLoad(entry.getKey(), entry.getValue().size(),
					entry.getValue().stream().filter(task -> isOverdue(task, now)).count()))
			.toList();
		List<GroupLoad> groups = new ArrayList<>();
		for (Role role : Role.values()) {
			if (role == Role.ADMIN || role == Role.AUDITOR) {
				continue;
			}
			String group = role.groupId();
			long all = this.taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().count();
			long unassigned = this.taskService.createTaskQuery().taskCandidateGroup(group).count();
			long overdue = this.taskService.createTaskQuery()
				.taskCandidateGroup(group)
				.includeAssignedTasks()
				.dueBefore(now)
				.count();
			groups.add(new GroupLoad(group, all, unassigned, overdue));
		}
		return new Workload(workers, groups);
	}

	/** Open tasks of the escalation process: supervisors' follow-ups and the coordinator's reviews. */
	List<Escalation> escalations() {
		List<Task> tasks = this.taskService.createTaskQuery()
			.processDefinitionKey(DeadlineEscalationProcess.KEY)
			.taskDefinitionKeyIn(DeadlineEscalationProcess.TASK_FOLLOW_UP_OVERDUE_TASK,
					DeadlineEscalationProcess.TASK_REVIEW_ESCALATED_CASE)
			.orderByTaskCreateTime()
			.asc()
			.listPage(0, MAX_TASKS);
		Map<String, String> references = caseReferences(tasks);
		Map<String, Map<String, Object>> variables = processVariables(
				tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()),
				DeadlineEscalationProcess.Variables.OVERDUE_TASK_NAME, DeadlineEscalationProcess.Variables.DEADLINE_CLOCK);
		return tasks.stream().map(task -> {
			Map<String, Object> values = variables.getOrDefault(task.getProcessInstanceId(), Map.of());
			return new Escalation(task.getId(), task.getName(), task.getTaskDefinitionKey(),
					task.getProcessDefinitionId(), references.get(task.getId()),
					text(values.get(DeadlineEscalationProcess.Variables.OVERDUE_TASK_NAME)),
					text(values.get(DeadlineEscalationProcess.Variables.DEADLINE_CLOCK)), task.getAssignee(),
					candidateGroups(task.getId()), task.getCreateTime().toInstant(),
					task.getDueDate() == null ? null : task.getDueDate().toInstant());
		}).toList();
	}

	/** The overdue tasks an open escalation is about, as {@code processInstanceId/taskKey}. */
	private Set<String> escalatedTasks() {
		Set<String> instances = this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(DeadlineEscalationProcess.KEY)
			.listPage(0, MAX_TASKS)
			.stream()
			.map(ProcessInstance::getId)
			.collect(Collectors.toSet());
		Set<String> escalated = new HashSet<>();
		processVariables(instances, DeadlineEscalationProcess.Variables.OVERDUE_PROCESS_INSTANCE_ID,
				DeadlineEscalationProcess.Variables.OVERDUE_TASK_KEY).values()
			.forEach(values -> escalated.add(values.get(DeadlineEscalationProcess.Variables.OVERDUE_PROCESS_INSTANCE_ID)
					+ "/" + values.get(DeadlineEscalationProcess.Variables.OVERDUE_TASK_KEY)));
		return escalated;
	}

	private Map<String, Map<String, Object>> processVariables(Collection<String> processInstanceIds, String... names) {
		if (processInstanceIds.isEmpty()) {
			return Map.of();
		}
		Map<String, Map<String, Object>> byInstance = new HashMap<>();
		this.runtimeService.createVariableInstanceQuery()
			.processInstanceIdIn(processInstanceIds.toArray(String[]::new))
			.variableNameIn(names)
			.disableCustomObjectDeserialization()
			.listPage(0, MAX_TASKS)
			.stream()
			.filter(variable -> variable.getTaskId() == null)
			.forEach(variable -> byInstance.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
				.put(variable.getName(), variable.getValue()));
		return byInstance;
	}

	/** Each task carries its case reference as a task variable (see the tasks module). */
	private Map<String, String> caseReferences(List<Task> tasks) {
		if (tasks.isEmpty()) {
			return Map.of();
		}
		Map<String, String> references = new HashMap<>();
		List<String> ids = tasks.stream().map(Task::getId).distinct().toList();
		for (int from = 0; from < ids.size(); from += 500) {
			List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
			this.runtimeService.createVariableInstanceQuery()
				.taskIdIn(chunk.toArray(String[]::new))
				.variableName(CaseVariables.CASE_REFERENCE)
				.disableCustomObjectDeserialization()
				.listPage(0, chunk.size())
				.forEach(variable -> references.putIfAbsent(variable.getTaskId(), String.valueOf(variable.getValue())));
		}
		return references;
	}

	private List<String> candidateGroups(String taskId) {
		return this.taskService.getIdentityLinksForTask(taskId)
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.sorted()
			.toList();
	}

	/** The reminder share of the case's jurisdiction (the pathway's clocks remind at that share of the time). */
	private int reminderPercent(String reference) {
		String jurisdiction = reference.isEmpty() ? this.jurisdictions.defaultId()
				: this.cases.findByReference(reference).map(Case::jurisdiction).orElse(this.jurisdictions.defaultId());
		return this.jurisdictions.profile(jurisdiction).reminderAtPercent();
	}

	private static boolean isOverdue(Task task, Date now) {
		return task.getDueDate() != null && !task.getDueDate().after(now);
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}
}
