package org.opennrm.recovery.internal;

import static org.opennrm.recovery.RecoveryPeriodProcess.KEY;
import static org.opennrm.recovery.RecoveryPeriodProcess.TASK_REVIEW_RECOVERY_PERIOD;

import org.opennrm.recovery.ReviewRecoveryPeriod;
import org.opennrm.tasks.TaskForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The typed body of the recovery period's review. */
@Configuration(proxyBeanMethods = false)
class RecoveryPeriodForms {

	@Bean
	TaskForm<ReviewRecoveryPeriod> reviewRecoveryPeriodForm() {
		return TaskForm.of(KEY, TASK_REVIEW_RECOVERY_PERIOD, ReviewRecoveryPeriod.class);
	}
}
