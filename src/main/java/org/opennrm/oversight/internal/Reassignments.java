package org.opennrm.oversight.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.opennrm.cases.CaseVariables;
import org.opennrm.i18n.ProcessTexts;
import org.opennrm.i18n.Text;
import org.opennrm.oversight.TasksReassigned;
import org.opennrm.platform.EngineClock;
import org.opennrm.platform.Problems;
import org.opennrm.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * A supervisor moves tasks to another worker: every task is checked before any changes (it still exists, the new
 * assignee belongs to one of its candidate groups), then all change in one transaction and one event says who moved
 * what, from whom, to whom and why. The supervisor's own engine authorization applies (they may assign every task).
 */
@Service
class Reassignments {

	private final TaskService taskService;

	private final RuntimeService runtimeService;

	private final Workers workers;

	private final ApplicationEventPublisher events;

	Reassignments(TaskService taskService, RuntimeService runtimeService, Workers workers,
			ApplicationEventPublisher events) {
		this.taskService = taskService;
		this.runtimeService = runtimeService;
		this.workers = workers;
		this.events = events;
	}

	@Transactional
	TasksReassigned reassign(ReassignTasks request) {
		String by = CurrentUser.get().userId();
		Set<String> assigneeGroups = this.workers.groupsOf(request.assignee())
			.orElseThrow(() -> withProperty(Problems.badRequest("problem.reassign.noSuchUser", request.assignee()),
					"assignee", request.assignee()));
		List<Task> tasks = new ArrayList<>();
		for (String taskId : new LinkedHashSet<>(request.taskIds())) {
			Task task = this.taskService.createTaskQuery().taskId(taskId).singleResult();
			if (task == null) {
				throw withProperty(Problems.conflict("problem.reassign.taskGone", taskId),
						"taskId", taskId);
			}
			Set<String> groups = candidateGroups(taskId);
			if (groups.stream().noneMatch(assigneeGroups::contains)) {
				throw withProperty(Problems.badRequest("problem.reassign.notInGroups", taskId,
						Text.orElse(ProcessTexts.element(processKeyOf(task), task.getTaskDefinitionKey()), task.getName()),
						ProcessTexts.groups(groups.stream().sorted().toList()), request.assignee()), "taskId", taskId);
			}
			tasks.add(task);
		}
		Map<String, String> references = caseReferences(tasks);
		List<TasksReassigned.Reassignment> moved = new ArrayList<>();
		for (Task task : tasks) {
			if (request.assignee().equals(task.getAssignee())) {
				continue;
			}
			this.taskService.setAssignee(task.getId(), request.assignee());
			moved.add(new TasksReassigned.Reassignment(task.getId(), task.getTaskDefinitionKey(),
					references.get(task.getId()), task.getAssignee(), request.assignee()));
		}
		TasksReassigned event = new TasksReassigned(moved, by, request.reason().strip(), EngineClock.now());
		if (!moved.isEmpty()) {
			this.events.publishEvent(event);
		}
		return event;
	}

	private Set<String> candidateGroups(String taskId) {
		return this.taskService.getIdentityLinksForTask(taskId)
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.collect(Collectors.toSet());
	}

	private Map<String, String> caseReferences(List<Task> tasks) {
		return this.runtimeService.createVariableInstanceQuery()
			.taskIdIn(tasks.stream().map(Task::getId).toArray(String[]::new))
			.variableName(CaseVariables.CASE_REFERENCE)
			.disableCustomObjectDeserialization()
			.listPage(0, tasks.size())
			.stream()
			.collect(Collectors.toMap(variable -> variable.getTaskId(), variable -> String.valueOf(variable.getValue()),
					(first, second) -> first));
	}

	/** The key of a task's process, from its definition id ({@code key:version:id}). */
	private static String processKeyOf(Task task) {
		String definition = task.getProcessDefinitionId();
		return definition == null ? "" : definition.substring(0, Math.max(0, definition.indexOf(':')));
	}

	private static ErrorResponseException withProperty(ErrorResponseException problem, String name, String value) {
		problem.getBody().setProperty(name, value);
		return problem;
	}
}
