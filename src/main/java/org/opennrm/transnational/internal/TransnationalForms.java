package org.opennrm.transnational.internal;

import java.util.Map;

import org.opennrm.i18n.Text;
import org.opennrm.tasks.TaskForm;
import org.opennrm.transnational.ApproveTransnationalReferral;
import org.opennrm.transnational.DecideOnIncomingReferral;
import org.opennrm.transnational.IncomingTransnationalReferralProcess;
import org.opennrm.transnational.RecordTransnationalConsent;
import org.opennrm.transnational.TransnationalReferralProcess.Variables;
import org.opennrm.transnational.TransnationalReferralProcess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The typed bodies of the referral processes' user tasks. */
@Configuration(proxyBeanMethods = false)
class TransnationalForms {

	static final Text SOMEONE_ELSE_APPROVES = Text.of("problem.transnational.someoneElseApproves");

	@Bean
	TaskForm<RecordTransnationalConsent> recordTransnationalConsentForm() {
		return TaskForm.of(TransnationalReferralProcess.KEY, TransnationalReferralProcess.TASK_RECORD_CONSENT,
				RecordTransnationalConsent.class);
	}

	@Bean
	TaskForm<RecordTransnationalConsent> recordGuardianTransnationalConsentForm() {
		return TaskForm.of(TransnationalReferralProcess.KEY, TransnationalReferralProcess.TASK_RECORD_GUARDIAN_CONSENT,
				RecordTransnationalConsent.class);
	}

	/** Four eyes: the coordinator who approves is not the caseworker who proposed. */
	@Bean
	TaskForm<ApproveTransnationalReferral> approveTransnationalReferralForm() {
		return TaskForm.of(TransnationalReferralProcess.KEY, TransnationalReferralProcess.TASK_APPROVE_REFERRAL,
				ApproveTransnationalReferral.class)
			.checkedBy((form, task) -> TaskForm.SensitiveSink.completingUser(task)
				.equals(task.getVariable(Variables.PROPOSED_BY))
						? Map.of(Variables.REFERRAL_APPROVED, SOMEONE_ELSE_APPROVES) : Map.of());
	}

	@Bean
	TaskForm<DecideOnIncomingReferral> decideOnIncomingReferralForm() {
		return TaskForm.of(IncomingTransnationalReferralProcess.KEY,
				IncomingTransnationalReferralProcess.TASK_DECIDE_ON_INCOMING_REFERRAL, DecideOnIncomingReferral.class);
	}
}
