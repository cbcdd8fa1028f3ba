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
import static org.opennrm.transnational.TransnationalReferralProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.opennrm.cases.CaseVariables;
import org.opennrm.deadlines.DeadlineEscalationProcess;
import org.opennrm.deadlines.DeadlineEscalations;
import org.opennrm.deadlines.Deadlines;
import org.opennrm.processes.ProcessTestSupport;
import org.opennrm.transnational.TransnationalReferralProcess.Variables;

/**
 * One test per path of a transnational referral on the sending side. The listeners that record consent and seal the
 * approved package, and the delegate that closes the case, stand in for the services (the two-instance integration
 * test runs them for real); the delivery deadline's escalation is the real process. Messages are correlated here as
 * the service correlates them.
 */
@Deployment(resources = { "processes/transnational/TransnationalReferral.bpmn",
		"processes/transnational/RecordTransnationalConsent.form",
		"processes/transnational/ApproveTransnationalReferral.form", "processes/deadlines/DeadlineEscalation.bpmn",
		"processes/deadlines/FollowUpOverdueTask.form", "processes/deadlines/ReviewEscalatedCase.form" })
class TransnationalReferralProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension engine = ProcessTestSupport.engineWithCoverage(DeadlineEscalationProcess.KEY);

	static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

	static final String REFERENCE = "TEST-2026-000011";

	final List<String> consents = new ArrayList<>();

	final List<String> decisions = new ArrayList<>();

	final List<String> closed = new ArrayList<>();

	@BeforeEach
	void setUp() {
		ProcessTestSupport.clockAt(MONDAY);
		ProcessTestSupport.realDeadlines();
		ProcessTestSupport.escalationWithoutSideEffects();
		Mocks.register("recordReferralConsent", (TaskListener) task -> this.consents
			.add(task.getTaskDefinitionKey() + "/" + task.getVariable(Variables.CONSENT_GIVEN)));
		Mocks.register("decideOnReferral",
				(TaskListener) task -> this.decisions.add(String.valueOf(task.getVariable(Variables.REFERRAL_APPROVED))));
		Mocks.register("closeSendingCase",
				(JavaDelegate) execution -> this.closed.add(execution.getProcessBusinessKey()));
	}

	@AfterEach
	void tearDown() {
		ProcessTestSupport.resetClock();
		Mocks.reset();
	}

	@Test
	void an_adults_return_is_consented_approved_delivered_accepted_and_the_case_closes_here() {
		ProcessInstance referral = start(false, true);

		assertThat(referral).isWaitingAt(TASK_RECORD_CONSENT).hasNotPassed(TASK_RECORD_GUARDIAN_CONSENT);
		assertThat(task(referral)).hasCandidateGroup("social");
		complete(task(referral), withVariables(Variables.CONSENT_GIVEN, true));
		assertThat(this.consents).containsExactly(TASK_RECORD_CONSENT + "/true");

		assertThat(referral).isWaitingAt(TASK_APPROVE_REFERRAL);
		assertThat(task(referral)).hasCandidateGroup("coordinator");
		complete(task(referral), withVariables(Variables.REFERRAL_APPROVED, true));
		assertThat(this.decisions).containsExactly("true");

		assertThat(referral).isWaitingAt(TASK_AWAIT_DELIVERY);
		delivered(referral);
		assertThat(referral).isWaitingAt(EVENT_DECISION_RECEIVED);
		answered(referral, true);

		assertThat(referral).isWaitingAt(TASK_CLOSE_SENDING_CASE);
		execute(job(referral));
		assertThat(referral).isEnded().hasPassed(END_EVENT_REFERRAL_ACCEPTED_CASE_CLOSED);
		assertThat(this.closed).containsExactly(REFERENCE);
	}

	@Test
	void an_accepted_referral_whose_services_continue_here_leaves_the_case_open() {
		ProcessInstance referral = startAt(TASK_AWAIT_DELIVERY, false, false);
		delivered(referral);
		answered(referral, true);

		assertThat(referral).isEnded().hasPassed(END_EVENT_REFERRAL_ACCEPTED).hasNotPassed(TASK_CLOSE_SENDING_CASE);
		assertThat(this.closed).isEmpty();
	}

	@Test
	void a_declined_referral_ends_declined_and_the_case_stays_open() {
		ProcessInstance referral = startAt(TASK_AWAIT_DELIVERY, false, true);
		delivered(referral);
		runtimeService().createMessageCorrelation(MESSAGE_DECISION_RECEIVED)
			.processInstanceId(referral.getId())
			.setVariable(Variables.REFERRAL_ACCEPTED, false)
			.setVariable(Variables.DECLINE_REASON, "UnsafeToReturn")
			.correlate();

		assertThat(referral).isEnded().hasPassed(END_EVENT_REFERRAL_DECLINED).hasNotPassed(TASK_CLOSE_SENDING_CASE);
		assertThat(referral).variables().containsEntry(Variables.DECLINE_REASON, "UnsafeToReturn");
	}

	@Test
	void a_childs_referral_is_consented_by_the_guardian_appointed_for_the_child() {
		ProcessInstance referral = start(true, true);

		assertThat(referral).isWaitingAt(TASK_RECORD_GUARDIAN_CONSENT).hasNotPassed(TASK_RECORD_CONSENT);
		assertThat(task(referral)).isAssignedTo("guardian-of-the-child");
		complete(task(referral), withVariables(Variables.CONSENT_GIVEN, true));

		assertThat(this.consents).containsExactly(TASK_RECORD_GUARDIAN_CONSENT + "/true");
		assertThat(referral).isWaitingAt(TASK_APPROVE_REFERRAL);
	}

	@Test
	void without_consent_nothing_is_approved_or_sent() {
		ProcessInstance referral = start(false, true);
		complete(task(referral), withVariables(Variables.CONSENT_GIVEN, false));

		assertThat(referral).isEnded().hasPassed(END_EVENT_REFERRAL_NOT_CONSENTED)
			.hasNotPassed(TASK_APPROVE_REFERRAL, TASK_AWAIT_DELIVERY);
		assertThat(this.decisions).isEmpty();
	}

	@Test
	void a_referral_the_coordinator_does_not_approve_is_not_sent() {
		ProcessInstance referral = startAt(TASK_APPROVE_REFERRAL, false, true);
		complete(task(referral), withVariables(Variables.REFERRAL_APPROVED, false, Variables.REJECTION_REASON, "NotReady"));

		assertThat(referral).isEnded().hasPassed(END_EVENT_REFERRAL_NOT_APPROVED).hasNotPassed(TASK_AWAIT_DELIVERY);
		assertThat(this.decisions).containsExactly("false");
	}

	@Test
	void a_delivery_that_misses_its_deadline_is_escalated_and_the_receipt_closes_the_escalation() {
		ProcessInstance referral = startAt(TASK_AWAIT_DELIVERY, false, true);
		ProcessTestSupport.clockAt(MONDAY.plus(Duration.ofHours(24)).plusSeconds(1));
		execute(job(BOUNDARY_EVENT_DELIVERY_OVERDUE, referral));

		assertThat(referral).isWaitingAt(TASK_AWAIT_DELIVERY, CALL_ACTIVITY_ESCALATE_UNDELIVERED_REFERRAL);
		ProcessInstance escalation = calledProcessInstance(DeadlineEscalationProcess.KEY, referral);
		assertThat(escalation.getBusinessKey()).isEqualTo(REFERENCE);
		assertThat(escalation).variables()
			.containsEntry(DeadlineEscalationProcess.Variables.OVERDUE_TASK_KEY, TASK_AWAIT_DELIVERY)
			.containsEntry(DeadlineEscalationProcess.Variables.OVERDUE_PROCESS_INSTANCE_ID, referral.getId())
			.containsEntry(DeadlineEscalationProcess.Variables.DEADLINE_CLOCK, CLOCK_DELIVERY)
			.containsEntry(DeadlineEscalationProcess.Variables.OVERDUE_TASK_NAME, "Deliver the referral to XK");

		delivered(referral);

		assertThat(escalation).isEnded();
		assertThat(referral).hasPassed(END_EVENT_DELIVERY_ESCALATION_CLOSED).isWaitingAt(EVENT_DECISION_RECEIVED);
	}

	@Test
	void consent_withdrawn_before_acceptance_ends_the_referral_at_whatever_step_it_was() {
		ProcessInstance approving = startAt(TASK_APPROVE_REFERRAL, false, true);
		ProcessInstance delivering = startAt(TASK_AWAIT_DELIVERY, false, true);
		ProcessTestSupport.clockAt(MONDAY.plus(Duration.ofHours(25)));
		execute(job(BOUNDARY_EVENT_DELIVERY_OVERDUE, delivering));
		ProcessInstance escalation = calledProcessInstance(DeadlineEscalationProcess.KEY, delivering);

		withdrawn(approving);
		withdrawn(delivering);

		assertThat(approving).isEnded().hasPassed(END_EVENT_REFERRAL_WITHDRAWN).hasNotPassed(TASK_AWAIT_DELIVERY);
		assertThat(delivering).isEnded().hasPassed(START_EVENT_REFERRAL_WITHDRAWN, END_EVENT_REFERRAL_WITHDRAWN)
			.hasNotPassed(EVENT_DECISION_RECEIVED);
		assertThat(escalation).isEnded();
		assertThat(this.decisions).isEmpty();
	}

	private static void delivered(ProcessInstance referral) {
		// What the service does when the receipt arrives (ProcessMessages.packageDelivered).
		runtimeService().createMessageCorrelation(MESSAGE_PACKAGE_DELIVERED).processInstanceId(referral.getId()).correlate();
		DeadlineEscalations.deadlineMet(runtimeService(), referral.getBusinessKey(), referral.getId(),
				TASK_AWAIT_DELIVERY);
	}

	private static void answered(ProcessInstance referral, boolean accepted) {
		runtimeService().createMessageCorrelation(MESSAGE_DECISION_RECEIVED)
			.processInstanceId(referral.getId())
			.setVariable(Variables.REFERRAL_ACCEPTED, accepted)
			.correlate();
	}

	private static void withdrawn(ProcessInstance referral) {
		runtimeService().createMessageCorrelation(MESSAGE_REFERRAL_WITHDRAWN).processInstanceId(referral.getId()).correlate();
	}

	private static ProcessInstance start(boolean child, boolean closesCase) {
		return runtimeService().startProcessInstanceByKey(KEY, REFERENCE, variables(child, closesCase));
	}

	private static ProcessInstance startAt(String activity, boolean child, boolean closesCase) {
		return runtimeService().createProcessInstanceByKey(KEY)
			.businessKey(REFERENCE)
			.startBeforeActivity(activity)
			.setVariables(variables(child, closesCase))
			.execute();
	}

	private static Map<String, Object> variables(boolean child, boolean closesCase) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(CaseVariables.CASE_ID, "case-11");
		variables.put(CaseVariables.CASE_REFERENCE, REFERENCE);
		variables.put(Deadlines.JURISDICTION, "mk");
		variables.put(Variables.REFERRAL_ID, "0b6f5d8e-2c1a-4c55-9d7e-3f1f6a2b9c10");
		variables.put(Variables.PEER_COUNTRY, "XK");
		variables.put(Variables.REFERRAL_KIND, "Return");
		variables.put(Variables.CLOSES_SENDING_CASE, closesCase);
		variables.put(Variables.IS_CHILD, child);
		variables.put(Variables.GUARDIAN, child ? "guardian-of-the-child" : null);
		variables.put(Variables.PROPOSING_AGENCY, "social");
		variables.put(Variables.PROPOSED_BY, "social-worker");
		variables.put(Variables.SHARED_FIELDS, "identity: firstName, nationality");
		variables.put(Variables.OVERDUE_DELIVERY, "Deliver the referral to XK");
		return variables;
	}
}
