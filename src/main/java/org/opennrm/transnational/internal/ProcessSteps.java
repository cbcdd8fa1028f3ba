package org.opennrm.transnational.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseVariables;
import org.opennrm.casework.NrmCaseProcess;
import org.opennrm.tasks.TaskForm;
import org.opennrm.transnational.DeclineReason;
import org.opennrm.transnational.IncomingTransnationalReferralProcess;
import org.opennrm.transnational.TransnationalReferralProcess.Variables;
import org.opennrm.transnational.TransnationalReferralProcess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The glue between the referral models and the services: each listener or delegate maps the task's or execution's
 * variables and calls one business method, in the engine's transaction.
 */
@Configuration(proxyBeanMethods = false)
class ProcessSteps {

	/** The consent tasks: the answer goes to the consent ledger for exactly this country. */
	@Bean
	TaskListener recordReferralConsent(ReferralProposals proposals) {
		return task -> proposals.consentRecorded(string(task, Variables.REFERRAL_ID),
				Boolean.TRUE.equals(task.getVariable(Variables.CONSENT_GIVEN)),
				TransnationalReferralProcess.TASK_RECORD_GUARDIAN_CONSENT.equals(task.getTaskDefinitionKey()),
				TaskForm.SensitiveSink.completingUser(task));
	}

	/** The coordinator's decision: approved, the package is sealed and queued in this very transaction. */
	@Bean
	TaskListener decideOnReferral(Sending sending, OutgoingReferrals referrals) {
		return task -> {
			String coordinator = TaskForm.SensitiveSink.completingUser(task);
			String referralId = string(task, Variables.REFERRAL_ID);
			if (Boolean.TRUE.equals(task.getVariable(Variables.REFERRAL_APPROVED))) {
				sending.approve(referralId, coordinator);
			}
			else {
				referrals.move(referralId, org.opennrm.transnational.ReferralStatus.NotApproved, coordinator,
						string(task, Variables.REJECTION_REASON));
			}
		};
	}

	/** The receiving country accepted a return or transfer and no services continue here: the case closes as referred. */
	@Bean
	JavaDelegate closeSendingCase(OutgoingReferrals referrals) {
		return execution -> {
			execution.getProcessEngineServices()
				.getRuntimeService()
				.createMessageCorrelation(NrmCaseProcess.MESSAGE_CASE_REFERRED_ABROAD)
				.processInstanceBusinessKey(execution.getProcessBusinessKey())
				.correlateAllWithResult();
			referrals.step(string(execution, Variables.REFERRAL_ID), "SendingCaseClosed", "system", "ClosedReferred");
		};
	}

	/** The receiving coordinator's answer: a decline goes back at once; an acceptance opens the case next. */
	@Bean
	TaskListener recordIncomingDecision(Receiving receiving) {
		return task -> {
			String coordinator = TaskForm.SensitiveSink.completingUser(task);
			String incomingId = string(task, IncomingTransnationalReferralProcess.Variables.INCOMING_ID);
			if (Boolean.TRUE.equals(task.getVariable(IncomingTransnationalReferralProcess.Variables.REFERRAL_ACCEPTED))) {
				receiving.accepted(incomingId, coordinator,
						string(task, IncomingTransnationalReferralProcess.Variables.LEAD_AGENCY));
			}
			else {
				receiving.declined(incomingId, coordinator, DeclineReason
					.valueOf(string(task, IncomingTransnationalReferralProcess.Variables.DECLINE_REASON)));
			}
		};
	}

	/** Opens the case for an accepted referral; the referral's history then belongs to that case. */
	@Bean
	JavaDelegate openReferredCase(Receiving receiving) {
		return execution -> {
			Case opened = receiving.openCase(string(execution, IncomingTransnationalReferralProcess.Variables.INCOMING_ID));
			if (opened != null) {
				execution.setVariable(CaseVariables.CASE_ID, opened.caseId());
				execution.setVariable(CaseVariables.CASE_REFERENCE, opened.reference());
			}
		};
	}

	private static String string(DelegateTask task, String name) {
		Object value = task.getVariable(name);
		return value == null ? null : value.toString();
	}

	private static String string(DelegateExecution execution, String name) {
		Object value = execution.getVariable(name);
		return value == null ? null : value.toString();
	}
}
