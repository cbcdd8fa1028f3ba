package org.opennrm.child.internal;

import static org.opennrm.child.ChildProtectionProcess.KEY;
import static org.opennrm.child.ChildProtectionProcess.TASK_APPOINT_GUARDIAN;
import static org.opennrm.child.ChildProtectionProcess.TASK_ASSESS_AGE;
import static org.opennrm.child.ChildProtectionProcess.TASK_DETERMINE_BEST_INTERESTS;
import static org.opennrm.child.ChildProtectionProcess.TASK_RECORD_GUARDIAN_CONSENT;

import org.opennrm.child.AppointGuardian;
import org.opennrm.child.AssessAge;
import org.opennrm.child.DetermineBestInterests;
import org.opennrm.child.RecordGuardianConsent;
import org.opennrm.tasks.TaskForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The typed bodies of child protection's user tasks. */
@Configuration(proxyBeanMethods = false)
class ChildProtectionForms {

	@Bean
	TaskForm<AppointGuardian> appointGuardianForm() {
		return TaskForm.of(KEY, TASK_APPOINT_GUARDIAN, AppointGuardian.class).checkedBy(Guardians::mustBeGuardian);
	}

	@Bean
	TaskForm<RecordGuardianConsent> recordGuardianConsentForm() {
		return TaskForm.of(KEY, TASK_RECORD_GUARDIAN_CONSENT, RecordGuardianConsent.class);
	}

	@Bean
	TaskForm<AssessAge> assessAgeForm() {
		return TaskForm.of(KEY, TASK_ASSESS_AGE, AssessAge.class);
	}

	@Bean
	TaskForm<DetermineBestInterests> determineBestInterestsForm() {
		return TaskForm.of(KEY, TASK_DETERMINE_BEST_INTERESTS, DetermineBestInterests.class);
	}
}
