package org.opennrm.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.opennrm.handoff.ServiceHandoffProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

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
import org.opennrm.handoff.ServiceHandoffProcess.Variables;
import org.opennrm.processes.ProcessTestSupport;
import org.opennrm.psychosocial.PsychoSocialSupportProcess;

/**
 * One test per path of the service hand-off. The routing table is the real one; the registry delegates are mocks
 * (their business code has its own tests); psycho-social support and deadline escalation run as the real processes.
 */
@Deployment(resources = { "processes/handoff/ServiceHandoff.bpmn", "processes/handoff/HandoffRouting.dmn",
		"processes/handoff/RespondToReferral.form", "processes/handoff/ChooseAnotherProvider.form",
		"processes/handoff/RecordServiceDelivery.form", "processes/psychosocial/PsychoSocialSupport.bpmn",
		"processes/psychosocial/AssessPsychoSocialNeeds.form", "processes/psychosocial/AgreeSupportPlan.form",
		"processes/psychosocial/RecordSupportSession.form", "processes/psychosocial/HandOverSupport.form",
		"processes/psychosocial/ReviewSupportProgress.form", "processes/deadlines/DeadlineEscalation.bpmn",
		"processes/deadlines/FollowUpOverdueTask.form", "processes/deadlines/ReviewEscalatedCase.form" })
class ServiceHandoffProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension engine = ProcessTestSupport.engineWithCoverage(PsychoSocialSupportProcess.KEY,
			DeadlineEscalationProcess.KEY);

	/** A Monday morning in Brussels. */
	static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

	static final String REFERENCE = "TEST-2026-000002";

	static final String[] REGISTRY_DELEGATES = { "offerService", "recordHandoffAcceptance", "recordHandoffDecline",
			"recordHandoffWithdrawal", "recordHandoffOutcome", "remindOwner", "markOverdue", "notifyCoordinator" };

	@BeforeEach
	void setUp() {
		ProcessTestSupport.clockAt(MONDAY);
		ProcessTestSupport.realDeadlines();
		for (String delegate : REGISTRY_DELEGATES) {
			ProcessTestSupport.noOpDelegate(delegate);
		}
	}

	@AfterEach
	void tearDown() {
		ProcessTestSupport.resetClock();
		Mocks.reset();
	}

	@Test
	void a_preset_provider_is_offered_the_service_and_has_the_response_clock_to_answer() {
		ProcessInstance handoff = start("Shelter", "ngo");

		assertThat(handoff).isWaitingAt(TASK_OFFER_SERVICE).hasNotPassed(TASK_CHOOSE_PROVIDER);
		execute(job(handoff));

		assertThat(handoff).isWaitingAt(TASK_RESPOND_TO_REFERRAL);
		assertThat(task(handoff)).hasCandidateGroup("ngo").hasDueDate(Date.from(MONDAY.plus(Duration.ofHours(24))));
	}

	@Test
	void without_a_preset_provider_the_routing_table_chooses_the_first_one() {
		ProcessInstance handoff = start("MedicalCare", null);

		assertThat(handoff).hasPassed(TASK_CHOOSE_PROVIDER).isWaitingAt(TASK_OFFER_SERVICE).variables()
			.containsEntry(Variables.RECEIVING_AGENCY, "health")
			.containsEntry(Variables.ATTEMPT, 1L);
		execute(job(handoff));
		assertThat(task(handoff)).hasCandidateGroup("health");
	}

	@Test
	void an_empty_preset_is_no_provider() {
		Map<String, Object> variables = variables("Shelter", "");
		ProcessInstance handoff = runtimeService().startProcessInstanceByKey(KEY, REFERENCE, variables);

		assertThat(handoff).hasPassed(TASK_CHOOSE_PROVIDER).variables().containsEntry(Variables.RECEIVING_AGENCY, "ngo");
	}

	@Test
	void an_accepted_service_is_recorded_and_ends_when_the_receiving_agency_records_its_delivery() {
		ProcessInstance handoff = start("Shelter", "ngo");
		execute(job(handoff));
		complete(task(handoff), withVariables(Variables.REFERRAL_ACCEPTED, true));

		assertThat(handoff).isWaitingAt(TASK_RECORD_ACCEPTANCE);
		execute(job(handoff));
		assertThat(handoff).isWaitingAt(TASK_RECORD_SERVICE_DELIVERY).hasNotPassed(CALL_ACTIVITY_PSYCHO_SOCIAL_SUPPORT);
		assertThat(task(handoff)).hasCandidateGroup("ngo");
		complete(task(handoff), withVariables(Variables.SERVICE_OUTCOME, "Delivered"));

		assertThat(handoff).isWaitingAt(TASK_RECORD_OUTCOME);
		execute(job(handoff));
		assertThat(handoff).isEnded().hasPassed(END_EVENT_SERVICE_DELIVERED);
		assertThat(handoff).variables().containsEntry(Variables.HANDOFF_OUTCOME, "Delivered");
	}

	@Test
	void a_service_the_person_declined_ends_as_not_delivered_with_that_outcome() {
		ProcessInstance handoff = startAt(TASK_RECORD_SERVICE_DELIVERY, "LegalAid", "ngo");
		complete(task(handoff), withVariables(Variables.SERVICE_OUTCOME, "PersonDeclined"));
		execute(job(handoff));

		assertThat(handoff).isEnded().hasPassed(END_EVENT_SERVICE_NOT_DELIVERED).hasNotPassed(END_EVENT_SERVICE_DELIVERED);
		assertThat(handoff).variables().containsEntry(Variables.HANDOFF_OUTCOME, "PersonDeclined");
	}

	@Test
	void accepted_psycho_social_support_runs_the_support_process_with_the_receiving_agency_as_provider() {
		ProcessInstance handoff = startAt(TASK_RECORD_ACCEPTANCE, "PsychoSocialSupport", "ngo");
		execute(job(handoff));

		assertThat(handoff).isWaitingAt(CALL_ACTIVITY_PSYCHO_SOCIAL_SUPPORT);
		ProcessInstance support = calledProcessInstance(PsychoSocialSupportProcess.KEY, handoff);
		assertThat(support.getBusinessKey()).isEqualTo(REFERENCE);
		assertThat(support).variables()
			.containsEntry(PsychoSocialSupportProcess.Variables.PROVIDER, "ngo")
			.containsEntry(CaseVariables.CASE_ID, "case-1")
			.containsEntry(Deadlines.JURISDICTION, "coe");
		complete(task(support), withVariables("assessmentReference", null));
		complete(task(support), withVariables("plannedSessions", 4, "planReference", null));
		complete(task(support), withVariables("sessionHeld", true, "nextStep", "HandOver", "sessionReference", null));
		complete(task(support), withVariables(Variables.HAND_OVER_TO, "health"));

		assertThat(support).isEnded();
		assertThat(handoff).isWaitingAt(TASK_RECORD_OUTCOME).variables()
			.containsEntry(Variables.SERVICE_OUTCOME, "Delivered")
			.containsEntry(Variables.SUPPORT_OUTCOME, "HandedOver")
			.containsEntry(Variables.HAND_OVER_TO, "health");
		execute(job(handoff));
		assertThat(handoff).isEnded().hasPassed(END_EVENT_SERVICE_DELIVERED).variables()
			.containsEntry(Variables.HANDOFF_OUTCOME, "Delivered");
	}

	@Test
	void a_decline_is_recorded_and_the_next_provider_on_the_list_is_offered_the_service() {
		ProcessInstance handoff = start("Shelter", "ngo");
		execute(job(handoff));
		complete(task(handoff), withVariables(Variables.REFERRAL_ACCEPTED, false, Variables.DECLINE_REASON, "NoCapacity"));

		assertThat(handoff).isWaitingAt(TASK_RECORD_DECLINE);
		execute(job(handoff));
		assertThat(handoff).hasPassed(TASK_CHOOSE_NEXT_PROVIDER, GATEWAY_DECLINED_BEFORE).isWaitingAt(TASK_OFFER_SERVICE)
			.variables()
			.containsEntry(Variables.RECEIVING_AGENCY, "social")
			.as("ngo, first on the list, declined already: the list moved on to social")
			.containsEntry(Variables.ATTEMPT, 2L)
			.containsEntry(Variables.DECLINED_AGENCIES, ",ngo,");
		execute(job(handoff));
		assertThat(task(handoff)).hasCandidateGroup("social");
	}

	@Test
	void after_a_preset_provider_declines_the_list_is_asked_from_its_start_skipping_it() {
		ProcessInstance handoff = start("Shelter", "social");
		execute(job(handoff));
		complete(task(handoff), withVariables(Variables.REFERRAL_ACCEPTED, false, Variables.DECLINE_REASON, "NoCapacity"));
		execute(job(handoff));

		assertThat(handoff).isWaitingAt(TASK_OFFER_SERVICE).variables()
			.containsEntry(Variables.RECEIVING_AGENCY, "ngo")
			.containsEntry(Variables.ATTEMPT, 1L);
		execute(job(handoff));
		complete(task(handoff), withVariables(Variables.REFERRAL_ACCEPTED, false, Variables.DECLINE_REASON, "NotEligible"));
		execute(job(handoff));

		assertThat(handoff).isWaitingAt(TASK_CHOOSE_ANOTHER_PROVIDER).variables()
			.containsEntry(Variables.ATTEMPT, 3L)
			.containsEntry(Variables.DECLINED_AGENCIES, ",social,ngo,");
		assertThat(task(handoff)).hasCandidateGroup("social");
	}

	@Test
	void when_the_list_is_exhausted_the_referring_agency_offers_the_service_to_another_agency() {
		ProcessInstance handoff = start("MedicalCare", "health");
		execute(job(handoff));
		complete(task(handoff), withVariables(Variables.REFERRAL_ACCEPTED, false, Variables.DECLINE_REASON, "NoCapacity"));
		execute(job(handoff));

		assertThat(handoff).isWaitingAt(TASK_CHOOSE_ANOTHER_PROVIDER).variables()
			.containsEntry(Variables.RECEIVING_AGENCY, null);
		assertThat(task(handoff)).hasCandidateGroup("social");
		complete(task(handoff), withVariables(Variables.WITHDRAW_HANDOFF, false, Variables.RECEIVING_AGENCY, "ngo"));

		assertThat(handoff).isWaitingAt(TASK_OFFER_SERVICE);
		execute(job(handoff));
		assertThat(task(handoff)).hasCandidateGroup("ngo");
	}

	@Test
	void the_referring_agency_can_withdraw_the_hand_off() {
		ProcessInstance handoff = startAt(TASK_CHOOSE_ANOTHER_PROVIDER, "Interpretation", null);
		complete(task(handoff), withVariables(Variables.WITHDRAW_HANDOFF, true, Variables.RECEIVING_AGENCY, null));

		assertThat(handoff).isWaitingAt(TASK_RECORD_WITHDRAWAL);
		execute(job(handoff));
		assertThat(handoff).isEnded().hasPassed(END_EVENT_HANDOFF_WITHDRAWN).hasNotPassed(TASK_OFFER_SERVICE);
		assertThat(handoff).variables().containsEntry(Variables.HANDOFF_OUTCOME, "Withdrawn");
	}

	@Test
	void the_receiving_agency_is_reminded_before_its_answer_is_due() {
		ProcessInstance handoff = startAt(TASK_RESPOND_TO_REFERRAL, "Shelter", "ngo");
		ProcessTestSupport.clockAt(MONDAY.plus(Duration.ofHours(24).multipliedBy(80).dividedBy(100)).plusSeconds(1));
		execute(job(BOUNDARY_EVENT_RESPONSE_REMINDER, handoff));

		assertThat(handoff).isWaitingAt(TASK_RESPOND_TO_REFERRAL, TASK_REMIND_RESPONSE_OWNER);
		execute(job(TASK_REMIND_RESPONSE_OWNER, handoff));
		assertThat(handoff).hasPassed(END_EVENT_RESPONSE_OWNER_REMINDED).isWaitingAt(TASK_RESPOND_TO_REFERRAL);
	}

	@Test
	void a_missed_answer_is_escalated_the_referral_stays_with_the_receiving_agency_and_the_answer_closes_it() {
		ProcessInstance handoff = startAt(TASK_RESPOND_TO_REFERRAL, "Shelter", "ngo");
		ProcessTestSupport.clockAt(MONDAY.plus(Duration.ofHours(24)).plusSeconds(1));
		execute(job(BOUNDARY_EVENT_RESPONSE_OVERDUE, handoff));

		assertThat(handoff).isWaitingAt(TASK_RESPOND_TO_REFERRAL, CALL_ACTIVITY_ESCALATE_RESPONSE);
		assertThat(task(TASK_RESPOND_TO_REFERRAL, handoff)).hasCandidateGroup("ngo");
		ProcessInstance escalation = calledProcessInstance(DeadlineEscalationProcess.KEY, handoff);
		assertThat(escalation.getBusinessKey()).isEqualTo(REFERENCE);
		assertThat(escalation).variables()
			.containsEntry(DeadlineEscalationProcess.Variables.OVERDUE_TASK_KEY, TASK_RESPOND_TO_REFERRAL)
			.containsEntry(DeadlineEscalationProcess.Variables.OVERDUE_PROCESS_INSTANCE_ID, handoff.getId())
			.containsEntry(DeadlineEscalationProcess.Variables.DEADLINE_CLOCK, CLOCK_HANDOFF_RESPONSE);

		complete(task(TASK_RESPOND_TO_REFERRAL, handoff), withVariables(Variables.REFERRAL_ACCEPTED, true));
		// What the deadline-met listener does when a task with a deadline ends (it is part of the service, not of
		// this in-memory engine).
		DeadlineEscalations.deadlineMet(runtimeService(), handoff.getBusinessKey(), handoff.getId(),
				TASK_RESPOND_TO_REFERRAL);

		assertThat(escalation).isEnded();
		assertThat(handoff).hasPassed(END_EVENT_RESPONSE_ESCALATED).isWaitingAt(TASK_RECORD_ACCEPTANCE);
	}

	private static ProcessInstance start(String service, String receivingAgency) {
		return runtimeService().startProcessInstanceByKey(KEY, REFERENCE, variables(service, receivingAgency));
	}

	private static ProcessInstance startAt(String activity, String service, String receivingAgency) {
		Map<String, Object> variables = variables(service, receivingAgency);
		variables.put(Variables.ATTEMPT, 0L);
		variables.put(Variables.DECLINED_AGENCIES, ",");
		return runtimeService().createProcessInstanceByKey(KEY)
			.businessKey(REFERENCE)
			.startBeforeActivity(activity)
			.setVariables(variables)
			.execute();
	}

	private static Map<String, Object> variables(String service, String receivingAgency) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(CaseVariables.CASE_ID, "case-1");
		variables.put(CaseVariables.CASE_REFERENCE, REFERENCE);
		variables.put(Deadlines.JURISDICTION, "coe");
		variables.put(Variables.SERVICE, service);
		variables.put(Variables.REFERRING_AGENCY, "social");
		if (receivingAgency != null) {
			variables.put(Variables.RECEIVING_AGENCY, receivingAgency);
		}
		return variables;
	}
}
