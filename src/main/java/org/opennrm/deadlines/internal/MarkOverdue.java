package org.opennrm.deadlines.internal;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.opennrm.cases.CaseVariables;
import org.opennrm.deadlines.DeadlineEscalationProcess.Variables;
import org.opennrm.deadlines.DeadlineMissed;
import org.opennrm.i18n.ProcessTexts;
import org.opennrm.i18n.Text;
import org.opennrm.notifications.Notification;
import org.opennrm.notifications.Notifications;
import org.opennrm.platform.EngineClock;
import org.opennrm.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Moves an overdue task to the top of its owners' lists and tells the supervisors; names it for the escalation's
 * forms. A deadline that belongs to no task (a referral that was not delivered in time) keeps the name its caller
 * gave it ({@code overdueTaskName}).
 */
@Component("markOverdue")
class MarkOverdue implements JavaDelegate {

	/** Above every ordinary task (Camunda's default priority is 50). */
	static final int OVERDUE_PRIORITY = 90;

	private final TaskService taskService;

	private final Notifications notifications;

	private final ApplicationEventPublisher events;

	MarkOverdue(TaskService taskService, Notifications notifications, ApplicationEventPublisher events) {
		this.taskService = taskService;
		this.notifications = notifications;
		this.events = events;
	}

	@Override
	public void execute(DelegateExecution execution) {
		List<Task> overdue = this.taskService.createTaskQuery()
			.processInstanceId((String) execution.getVariable(Variables.OVERDUE_PROCESS_INSTANCE_ID))
			.taskDefinitionKey((String) execution.getVariable(Variables.OVERDUE_TASK_KEY))
			.listPage(0, 10);
		overdue.forEach(task -> this.taskService.setPriority(task.getId(), OVERDUE_PRIORITY));
		// A deadline that is not a task's (a delivery that did not arrive in time) names itself.
		Object named = execution.getVariable(Variables.OVERDUE_TASK_NAME);
		String name = !overdue.isEmpty() ? overdue.get(0).getName()
				: named != null ? named.toString() : elementName(execution);
		execution.setVariable(Variables.OVERDUE_TASK_NAME, name);
		Text taskName = overdue.isEmpty() ? Text.modelName(name)
				: ProcessTexts.taskName(overdue.get(0).getProcessDefinitionId(), overdue.get(0).getTaskDefinitionKey(),
						name);
		this.notifications.notifyGroups(List.of(Role.SUPERVISOR.groupId()),
				(String) execution.getVariable(CaseVariables.CASE_REFERENCE), Notification.Kind.DeadlineMissed,
				Text.of("notification.subject.overdue", taskName));
		this.events.publishEvent(new DeadlineMissed((String) execution.getVariable(CaseVariables.CASE_REFERENCE),
				(String) execution.getVariable(Variables.OVERDUE_TASK_KEY), EngineClock.now()));
	}

	/**
	 * The model's name of an overdue element that is not a task (a sub-process of several tasks, say), so that people
	 * read its name rather than its id; the id when the model gives it no name.
	 */
	private String elementName(DelegateExecution execution) {
		String key = (String) execution.getVariable(Variables.OVERDUE_TASK_KEY);
		ProcessInstance overdue = execution.getProcessEngineServices().getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceId((String) execution.getVariable(Variables.OVERDUE_PROCESS_INSTANCE_ID))
			.singleResult();
		if (overdue == null || key == null) {
			return key;
		}
		ModelElementInstance element = execution.getProcessEngineServices().getRepositoryService()
			.getBpmnModelInstance(overdue.getProcessDefinitionId())
			.getModelElementById(key);
		return element instanceof FlowElement flowElement && flowElement.getName() != null ? flowElement.getName() : key;
	}
}
