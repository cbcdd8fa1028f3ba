package org.opennrm.deadlines.internal;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opennrm.notifications.Notifications;
import org.springframework.context.ApplicationEventPublisher;

/** The module's own delegates for process tests, which register them by their bean names. */
public final class DeadlinesTestBeans {

	private DeadlinesTestBeans() {
	}

	/** {@code markOverdue}: names the overdue element, raises its priority and tells the supervisors. */
	public static JavaDelegate markOverdue(TaskService taskService, Notifications notifications,
			ApplicationEventPublisher events) {
		return new MarkOverdue(taskService, notifications, events);
	}
}
