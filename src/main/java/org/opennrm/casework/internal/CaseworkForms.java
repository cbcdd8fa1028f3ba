package org.opennrm.casework.internal;

import static org.opennrm.casework.NrmCaseProcess.KEY;

import org.opennrm.casework.AssessWitnessProtection;
import org.opennrm.casework.CloseAfterFollowUp;
import org.opennrm.casework.NrmCaseProcess;
import org.opennrm.casework.OpenCase;
import org.opennrm.casework.RecordConsent;
import org.opennrm.casework.ReviewCaseForClosure;
import org.opennrm.casework.TakeStatement;
import org.opennrm.tasks.StartForm;
import org.opennrm.tasks.TaskForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The typed bodies of the case process's start and of its own user tasks. */
@Configuration(proxyBeanMethods = false)
class CaseworkForms {

	/** A case is opened with routing facts only; who opens it is the engine's authenticated user. */
	@Bean
	StartForm<OpenCase> openCaseForm() {
		return StartForm.of(KEY, OpenCase.class);
	}

	@Bean
	TaskForm<RecordConsent> recordConsentForm() {
		return TaskForm.of(KEY, NrmCaseProcess.TASK_RECORD_CONSENT, RecordConsent.class);
	}

	@Bean
	TaskForm<RecordConsent> recordAdultConsentForm() {
		return TaskForm.of(KEY, NrmCaseProcess.TASK_RECORD_ADULT_CONSENT, RecordConsent.class);
	}

	@Bean
	TaskForm<TakeStatement> takeStatementForm() {
		return TaskForm.of(KEY, NrmCaseProcess.TASK_TAKE_STATEMENT, TakeStatement.class);
	}

	@Bean
	TaskForm<AssessWitnessProtection> assessWitnessProtectionForm() {
		return TaskForm.of(KEY, NrmCaseProcess.TASK_ASSESS_WITNESS_PROTECTION, AssessWitnessProtection.class);
	}

	@Bean
	TaskForm<ReviewCaseForClosure> reviewCaseForClosureForm() {
		return TaskForm.of(KEY, NrmCaseProcess.TASK_REVIEW_CASE_FOR_CLOSURE, ReviewCaseForClosure.class);
	}

	@Bean
	TaskForm<CloseAfterFollowUp> closeAfterFollowUpForm() {
		return TaskForm.of(KEY, NrmCaseProcess.TASK_CLOSE_AFTER_FOLLOW_UP, CloseAfterFollowUp.class);
	}
}
