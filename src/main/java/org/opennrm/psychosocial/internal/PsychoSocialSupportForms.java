package org.opennrm.psychosocial.internal;

import java.util.Map;

import org.opennrm.i18n.Text;
import org.opennrm.psychosocial.AgreeSupportPlan;
import org.opennrm.psychosocial.AssessPsychoSocialNeeds;
import org.opennrm.psychosocial.HandOverSupport;
import org.opennrm.psychosocial.PsychoSocialSupportProcess.Variables;
import org.opennrm.psychosocial.RecordSupportSession;
import org.opennrm.psychosocial.ReviewSupportProgress;
import org.opennrm.tasks.TaskForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.opennrm.psychosocial.PsychoSocialSupportProcess.KEY;
import static org.opennrm.psychosocial.PsychoSocialSupportProcess.TASK_AGREE_SUPPORT_PLAN;
import static org.opennrm.psychosocial.PsychoSocialSupportProcess.TASK_ASSESS_PSYCHO_SOCIAL_NEEDS;
import static org.opennrm.psychosocial.PsychoSocialSupportProcess.TASK_HAND_OVER_SUPPORT;
import static org.opennrm.psychosocial.PsychoSocialSupportProcess.TASK_RECORD_SUPPORT_SESSION;
import static org.opennrm.psychosocial.PsychoSocialSupportProcess.TASK_REVIEW_SUPPORT_PROGRESS;

/** The typed bodies of the psycho-social support's user tasks. */
@Configuration(proxyBeanMethods = false)
class PsychoSocialSupportForms {

	@Bean
	TaskForm<AssessPsychoSocialNeeds> assessPsychoSocialNeedsForm() {
		return TaskForm.of(KEY, TASK_ASSESS_PSYCHO_SOCIAL_NEEDS, AssessPsychoSocialNeeds.class);
	}

	@Bean
	TaskForm<AgreeSupportPlan> agreeSupportPlanForm() {
		return TaskForm.of(KEY, TASK_AGREE_SUPPORT_PLAN, AgreeSupportPlan.class);
	}

	@Bean
	TaskForm<RecordSupportSession> recordSupportSessionForm() {
		return TaskForm.of(KEY, TASK_RECORD_SUPPORT_SESSION, RecordSupportSession.class);
	}

	/** The support goes to another agency, never back to the one that provides it. */
	@Bean
	TaskForm<HandOverSupport> handOverSupportForm() {
		return TaskForm.of(KEY, TASK_HAND_OVER_SUPPORT, HandOverSupport.class)
			.checkedBy((form, task) -> form.handOverTo() != null
					&& form.handOverTo().equals(task.getVariable(Variables.PROVIDER))
							? Map.of("handOverTo", Text.of("problem.support.handOverElsewhere")) : Map.of());
	}

	@Bean
	TaskForm<ReviewSupportProgress> reviewSupportProgressForm() {
		return TaskForm.of(KEY, TASK_REVIEW_SUPPORT_PROGRESS, ReviewSupportProgress.class);
	}
}
