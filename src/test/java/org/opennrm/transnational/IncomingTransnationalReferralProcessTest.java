package org.opennrm.transnational;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.opennrm.transnational.IncomingTransnationalReferralProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opennrm.deadlines.DeadlineEscalationProcess;
import org.opennrm.deadlines.DeadlineEscalations;
import org.opennrm.deadlines.Deadlines;
import org.opennrm.processes.ProcessTestSupport;
import org.opennrm.transnational.IncomingTransnationalReferralProcess.Variables;

/**
 * One test per path of a referral that arrived from another country's instance. The listener that records the
 * coordinator's answer and the delegate that opens the case stand in for the services; reminders and escalation follow
 * the receiving jurisdiction's response clock (Kosovo: 5 working days).
 */
@Deployment(resources = { "processes/transnational/IncomingTransnationalReferral.bpmn",
		"processes/transnational/DecideOnIncomingReferral.form", "processes/deadlines/DeadlineEscalation.bpmn",
		"processes/deadlines/FollowUpOverdueTask.form", "processes/deadlines/ReviewEscalatedCase.form" })
class IncomingTransnationalReferralProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension engine = ProcessTestSupport.engineWithCoverage(DeadlineEscalationProcess.KEY);

	/** A Monday morning in Pristina. */
	static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

	/** Five working days later. */
	static final Instant DUE = Instant.parse("2026-03-09T09:00:00Z");

	static final String REFERRAL = "0b6f5d8e-2c1a-4c55-9d7e-3f1f6a2b9c10";

	final List<String> answers = new ArrayList<>();

	final List<String> opened = new ArrayList<>();

	@BeforeEach
	void setUp() {
		ProcessTestSupport.clockAt(MONDAY);
		ProcessTestSupport.realDeadlines();
		ProcessTestSupport.escalationWithoutSideEffects();
		ProcessTestSupport.noOpDelegate("remindOwner");
		Mocks.register("recordIncomingDecision", (TaskListener) task -> this.answers
			.add(task.getVariable(Variables.REFERRAL_ACCEPTED) + "/" + task.getVariable(Variables.LEAD_AGENCY) + "/"
					+ task.getVariable(Variables.DECLINE_REASON)));
		Mocks.register("openReferredCase",
				(JavaDelegate) execution -> this.opened.add((String) execution.getVariable(Variables.INCOMING_ID)));
	}

	@AfterEach
	void tearDown() {
		ProcessTestSupport.resetClock();
		Mocks.reset();
	}

	@Test
	void the_coordinator_has_the_response_clock_to_answer_and_an_acceptance_opens_the_case() {
		ProcessInstance referral = receive();

		assertThat(referral).isWaitingAt(TASK_DECIDE_ON_INCOMING_REFERRAL);
		assertThat(referral.getBusinessKey()).isEqualTo(REFERRAL);
		assertThat(task(referral)).hasCandidateGroup("coordinator").hasDueDate(Date.from(DUE));
		complete(task(referral), withVariables(Variables.REFERRAL_ACCEPTED, true, Variables.LEAD_AGENCY, "social"));

		assertThat(this.answers).containsExactly("true/social/null");
		assertThat(referral).isWaitingAt(TASK_OPEN_REFERRED_CASE);
		execute(job(referral));
		assertThat(referral).isEnded().hasPassed(END_EVENT_CASE_OPENED);
		assertThat(this.opened).containsExactly("incoming-1");
	}

	@Test
	void a_declined_referral_opens_no_case() {
		ProcessInstance referral = receive();
		complete(task(referral), withVariables(Variables.REFERRAL_ACCEPTED, false, Variables.DECLINE_REASON, "NotEligible"));

		assertThat(referral).isEnded().hasPassed(END_EVENT_REFERRAL_DECLINED).hasNotPassed(TASK_OPEN_REFERRED_CASE);
		assertThat(this.answers).containsExactly("false/null/NotEligible");
		assertThat(this.opened).isEmpty();
	}

	@Test
	void the_coordinator_is_reminded_before_the_answer_is_due() {
		ProcessInstance referral = receive();
		ProcessTestSupport.clockAt(DUE.minus(Duration.ofHours(20)));
		execute(job(BOUNDARY_EVENT_DECISION_REMINDER, referral));

		assertThat(referral).isWaitingAt(TASK_DECIDE_ON_INCOMING_REFERRAL, TASK_REMIND_DECISION_OWNER);
		execute(job(TASK_REMIND_DECISION_OWNER, referral));
		assertThat(referral).hasPassed(END_EVENT_DECISION_OWNER_REMINDED).isWaitingAt(TASK_DECIDE_ON_INCOMING_REFERRAL);
	}

	@Test
	void a_missed_answer_is_escalated_and_the_answer_still_counts() {
		ProcessInstance referral = receive();
		ProcessTestSupport.clockAt(DUE.plusSeconds(1));
		execute(job(BOUNDARY_EVENT_DECISION_OVERDUE, referral));

		assertThat(referral).isWaitingAt(TASK_DECIDE_ON_INCOMING_REFERRAL, CALL_ACTIVITY_ESCALATE_DECISION);
		ProcessInstance escalation = calledProcessInstance(DeadlineEscalationProcess.KEY, referral);
		assertThat(escalation).variables()
			.containsEntry(DeadlineEscalationProcess.Variables.OVERDUE_TASK_KEY, TASK_DECIDE_ON_INCOMING_REFERRAL)
			.containsEntry(DeadlineEscalationProcess.Variables.DEADLINE_CLOCK, CLOCK_RESPONSE);
		complete(task(TASK_DECIDE_ON_INCOMING_REFERRAL, referral),
				withVariables(Variables.REFERRAL_ACCEPTED, false, Variables.DECLINE_REASON, "NoCapacity"));
		DeadlineEscalations.deadlineMet(runtimeService(), referral.getBusinessKey(), referral.getId(),
				TASK_DECIDE_ON_INCOMING_REFERRAL);

		assertThat(escalation).isEnded();
		assertThat(referral).isEnded().hasPassed(END_EVENT_DECISION_ESCALATED, END_EVENT_REFERRAL_DECLINED);
	}

	@Test
	void a_referral_the_sender_withdraws_before_the_answer_ends_without_one() {
		ProcessInstance referral = receive();
		runtimeService().createMessageCorrelation(MESSAGE_REFERRAL_WITHDRAWN).processInstanceId(referral.getId()).correlate();

		assertThat(referral).isEnded().hasPassed(BOUNDARY_EVENT_REFERRAL_WITHDRAWN, END_EVENT_REFERRAL_WITHDRAWN)
			.hasNotPassed(TASK_OPEN_REFERRED_CASE);
		assertThat(this.answers).isEmpty();
	}

	private static ProcessInstance receive() {
		Map<String, Object> variables = new HashMap<>();
		variables.put(Variables.INCOMING_ID, "incoming-1");
		variables.put(Variables.REFERRAL_ID, REFERRAL);
		variables.put(Variables.PEER_COUNTRY, "MK");
		variables.put(Variables.REFERRAL_KIND, "Return");
		variables.put(Variables.SHARED_FIELDS, "identity: firstName, nationality");
		variables.put(Deadlines.JURISDICTION, "xk");
		return runtimeService().startProcessInstanceByKey(KEY, REFERRAL, variables);
	}
}
