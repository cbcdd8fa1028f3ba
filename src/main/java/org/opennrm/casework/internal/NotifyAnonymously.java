package org.opennrm.casework.internal;

import org.opennrm.i18n.Text;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opennrm.cases.CaseVariables;
import org.opennrm.notifications.Notification;
import org.opennrm.notifications.Notifications;
import org.opennrm.security.Role;
import org.springframework.stereotype.Component;

/**
 * An adult presumed victim declined referral: the national coordinator is told, for the statistics, that a presumed
 * victim was met and declined; nothing in it identifies the person (the UK's duty to notify works the same way).
 */
@Component("notifyAnonymously")
class NotifyAnonymously implements JavaDelegate {

	private final Notifications notifications;

	NotifyAnonymously(Notifications notifications) {
		this.notifications = notifications;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.notifications.notifyGroups(List.of(Role.COORDINATOR.groupId()),
				(String) execution.getVariable(CaseVariables.CASE_REFERENCE), Notification.Kind.AnonymousReferral,
				Text.of("notification.subject.anonymousReferral"));
	}
}
