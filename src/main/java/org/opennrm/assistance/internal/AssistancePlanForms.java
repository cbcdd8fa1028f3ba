package org.opennrm.assistance.internal;

import static org.opennrm.assistance.AssistancePlanProcess.KEY;
import static org.opennrm.assistance.AssistancePlanProcess.TASK_APPROVE_ASSISTANCE_PLAN;
import static org.opennrm.assistance.AssistancePlanProcess.TASK_DRAFT_ASSISTANCE_PLAN;

import org.opennrm.assistance.ApproveAssistancePlan;
import org.opennrm.assistance.DraftAssistancePlan;
import org.opennrm.tasks.TaskForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The typed bodies of the assistance plan's user tasks, with the rules that need the process. */
@Configuration(proxyBeanMethods = false)
class AssistancePlanForms {

	@Bean
	TaskForm<DraftAssistancePlan> draftAssistancePlanForm() {
		return TaskForm.of(KEY, TASK_DRAFT_ASSISTANCE_PLAN, DraftAssistancePlan.class)
			.checkedBy(AssistancePlanRules::childsPlanWrittenWithGuardian);
	}

	@Bean
	TaskForm<ApproveAssistancePlan> approveAssistancePlanForm() {
		return TaskForm.of(KEY, TASK_APPROVE_ASSISTANCE_PLAN, ApproveAssistancePlan.class)
			.checkedBy(AssistancePlanRules::notByTheAuthor);
	}
}
