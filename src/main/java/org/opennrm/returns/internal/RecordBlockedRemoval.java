package org.opennrm.returns.internal;

import org.opennrm.i18n.Text;
import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opennrm.cases.CaseVariables;
import org.opennrm.notifications.Notification;
import org.opennrm.notifications.Notifications;
import org.opennrm.returns.VoluntaryReturnProcess.Variables;
import org.opennrm.security.Role;
import org.springframework.stereotype.Component;

/**
 * A return was blocked because the person is protected from removal: the requesting agency and the supervisors learn
 * it.
 */
@Component("recordBlockedRemoval")
class RecordBlockedRemoval implements JavaDelegate {

	static final Text SUBJECT = Text.of("notification.subject.removalBlocked");

	private final Notifications notifications;

	RecordBlockedRemoval(Notifications notifications) {
		this.notifications = notifications;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Set<String> groups = new LinkedHashSet<>();
		Object requestingAgency = execution.getVariable(Variables.REQUESTING_AGENCY);
		if (requestingAgency != null) {
			groups.add(requestingAgency.toString());
		}
		groups.add(Role.SUPERVISOR.groupId());
		this.notifications.notifyGroups(groups, (String) execution.getVariable(CaseVariables.CASE_REFERENCE),
				Notification.Kind.RemovalBlocked, SUBJECT);
	}
}
