package org.opennrm.deadlines.internal;

import org.opennrm.i18n.Text;
import org.opennrm.i18n.ProcessTexts;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.opennrm.cases.CaseVariables;
import org.opennrm.notifications.Notification;
import org.opennrm.notifications.Notifications;
import org.springframework.stereotype.Component;

/**
 * Reminds whoever holds a task that its deadline is close: its assignee, or else its candidate groups. The model names
 * the task with the input {@code reminderFor}.
 */
@Component("remindOwner")
class RemindOwner implements JavaDelegate {

	static final String REMINDER_FOR = "reminderFor";

	private final TaskService taskService;

	private final Notifications notifications;

	RemindOwner(TaskService taskService, Notifications notifications) {
		this.taskService = taskService;
		this.notifications = notifications;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String reference = (String) execution.getVariable(CaseVariables.CASE_REFERENCE);
		for (Task task : this.taskService.createTaskQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.taskDefinitionKey((String) execution.getVariableLocal(REMINDER_FOR))
			.listPage(0, 10)) {
			Text subject = Text.of("notification.subject.dueSoon",
					ProcessTexts.taskName(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), task.getName()));
			if (task.getAssignee() != null) {
				this.notifications.notifyUser(task.getAssignee(), reference, Notification.Kind.DeadlineReminder, subject);
			}
			else {
				this.notifications.notifyGroups(candidateGroups(task), reference, Notification.Kind.DeadlineReminder,
						subject);
			}
		}
	}

	private List<String> candidateGroups(Task task) {
		return this.taskService.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(link -> link.getGroupId())
			.toList();
	}
}
