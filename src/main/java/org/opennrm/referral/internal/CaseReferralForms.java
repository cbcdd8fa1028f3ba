package org.opennrm.referral.internal;

import static org.opennrm.referral.CaseReferralProcess.KEY;
import static org.opennrm.referral.CaseReferralProcess.TASK_ASSESS_IMMEDIATE_NEEDS;
import static org.opennrm.referral.CaseReferralProcess.TASK_REVIEW_CASE;
import static org.opennrm.referral.CaseReferralProcess.TASK_SCREEN_INDICATORS;

import org.opennrm.referral.AssessImmediateNeeds;
import org.opennrm.referral.ReviewCase;
import org.opennrm.referral.ScreenIndicators;
import org.opennrm.tasks.TaskForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The typed bodies of the case referral's user tasks. */
@Configuration(proxyBeanMethods = false)
class CaseReferralForms {

	@Bean
	TaskForm<ScreenIndicators> screenIndicatorsForm() {
		return TaskForm.of(KEY, TASK_SCREEN_INDICATORS, ScreenIndicators.class);
	}

	@Bean
	TaskForm<AssessImmediateNeeds> assessImmediateNeedsForm() {
		return TaskForm.of(KEY, TASK_ASSESS_IMMEDIATE_NEEDS, AssessImmediateNeeds.class);
	}

	@Bean
	TaskForm<ReviewCase> reviewCaseForm() {
		return TaskForm.of(KEY, TASK_REVIEW_CASE, ReviewCase.class);
	}
}
