package org.opennrm.deadlines.internal;

import static org.opennrm.deadlines.DeadlineEscalationProcess.KEY;
import static org.opennrm.deadlines.DeadlineEscalationProcess.TASK_FOLLOW_UP_OVERDUE_TASK;
import static org.opennrm.deadlines.DeadlineEscalationProcess.TASK_REVIEW_ESCALATED_CASE;

import org.opennrm.deadlines.FollowUpOverdueTask;
import org.opennrm.deadlines.ReviewEscalatedCase;
import org.opennrm.tasks.TaskForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The typed bodies of the escalation's user tasks. */
@Configuration(proxyBeanMethods = false)
class DeadlineEscalationForms {

	@Bean
	TaskForm<FollowUpOverdueTask> followUpOverdueTaskForm() {
		return TaskForm.of(KEY, TASK_FOLLOW_UP_OVERDUE_TASK, FollowUpOverdueTask.class);
	}

	@Bean
	TaskForm<ReviewEscalatedCase> reviewEscalatedCaseForm() {
		return TaskForm.of(KEY, TASK_REVIEW_ESCALATED_CASE, ReviewEscalatedCase.class);
	}
}
