package org.opennrm.deadlines.internal;

import org.opennrm.i18n.Text;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opennrm.cases.CaseVariables;
import org.opennrm.deadlines.DeadlineEscalationProcess.Variables;
import org.opennrm.notifications.Notification;
import org.opennrm.notifications.Notifications;
import org.opennrm.security.Role;
import org.springframework.stereotype.Component;

/** Tells the national coordinators that an escalation reached them: the supervisor's follow-up was late too. */
@Component("notifyCoordinator")
class NotifyCoordinator implements TaskListener {

	private final Notifications notifications;

	NotifyCoordinator(Notifications notifications) {
		this.notifications = notifications;
	}

	@Override
	public void notify(DelegateTask task) {
		this.notifications.notifyGroups(List.of(Role.COORDINATOR.groupId()),
				(String) task.getVariable(CaseVariables.CASE_REFERENCE), Notification.Kind.EscalatedToCoordinator,
				Text.of("notification.subject.escalated",
						Text.modelName(String.valueOf(task.getVariable(Variables.OVERDUE_TASK_NAME)))));
	}
}
