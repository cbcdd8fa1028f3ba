package org.opennrm.child;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.opennrm.child.ChildProtectionProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opennrm.cases.AgeGroup;
import org.opennrm.cases.BestInterests;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.opennrm.cases.PersonStatus;
import org.opennrm.cases.Protection;
import org.opennrm.child.ChildProtectionProcess.Variables;
import org.opennrm.child.internal.ChildProtectionTestBeans;
import org.opennrm.deadlines.DeadlineEscalationProcess;
import org.opennrm.deadlines.DeadlineEscalations;
import org.opennrm.processes.ProcessTestSupport;

/**
 * One test per path of child protection. A small case process ({@code ChildProtectionCaller}, a test resource) calls
 * it as {@code NrmCase} does: it catches {@code AssessedAsAdult} on the call activity and gates placement on a
 * conditional event over {@code bestInterestsDetermined} inside an embedded subprocess running beside the call.
 */
@Deployment(resources = { "processes/child/ChildProtection.bpmn", "processes/child/AppointGuardian.form",
		"processes/child/RecordGuardianConsent.form", "processes/child/AssessAge.form",
		"processes/child/DetermineBestInterests.form", "processes/deadlines/DeadlineEscalation.bpmn",
		"processes/deadlines/FollowUpOverdueTask.form", "processes/deadlines/ReviewEscalatedCase.form",
		"org/opennrm/child/ChildProtectionCaller.bpmn" })
class ChildProtectionProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension engine = ProcessTestSupport.engineWithCoverage();

	static final String CALLER = "ChildProtectionCaller";

	static final String CALLER_PROTECTION = "CallActivity_ChildProtection";

	static final String CALLER_PLACEMENT_GATE = "Event_BestInterestsDetermined";

	static final String CALLER_PLAN_PLACEMENT = "Task_PlanPlacement";

	static final String CALLER_ADULT_TRACK = "Task_ContinueOnAdultTrack";

	static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

	/** guardian-appointment in the CoE profile: 48 hours. */
	static final Instant DUE = MONDAY.plus(Duration.ofHours(48));

	static final String REFERENCE = "TEST-2026-000001";

	final Cases cases = mock(Cases.class);

	final List<Case> registry = new ArrayList<>();

	final List<String> adultAssessments = new ArrayList<>();

	@BeforeEach
	void setUp() {
		ProcessTestSupport.clockAt(MONDAY);
		ProcessTestSupport.realDeadlines();
		ProcessTestSupport.noOpDelegate("remindOwner");
		ProcessTestSupport.escalationWithoutSideEffects();
		ProcessTestSupport.noOpDelegate("recordGuardian");
		ProcessTestSupport.noOpDelegate("recordGuardianConsent");
		Mocks.register("recordAdultAssessment",
				(JavaDelegate) execution -> this.adultAssessments.add((String) execution.getVariable(CaseVariables.CASE_ID)));
		this.registry.add(child());
		when(this.cases.change(eq("case-1"), any())).thenAnswer(invocation -> {
			UnaryOperator<Case> transition = invocation.getArgument(1);
			Case after = transition.apply(this.registry.get(this.registry.size() - 1));
			this.registry.add(after);
			return after;
		});
		Mocks.register("recordBestInterests", ChildProtectionTestBeans.recordBestInterests(this.cases));
	}

	@AfterEach
	void tearDown() {
		ProcessTestSupport.resetClock();
		Mocks.reset();
	}

	@Test
	void a_child_gets_a_guardian_who_consents_and_a_best_interests_determination_that_opens_the_callers_placement() {
		ProcessInstance caseProcess = startCaller(false);
		ProcessInstance protection = calledProcessInstance(KEY, caseProcess);
		assertThat(protection.getBusinessKey()).isEqualTo(REFERENCE);
		assertThat(caseProcess).isWaitingAt(CALLER_PROTECTION, CALLER_PLACEMENT_GATE);
		assertThat(task(protection)).hasDefinitionKey(TASK_APPOINT_GUARDIAN).hasCandidateGroup("social")
			.hasDueDate(Date.from(DUE));

		appointGuardian(protection);
		assertThat(protection).hasPassed(GATEWAY_AGE_SETTLED).hasNotPassed(TASK_ASSESS_AGE)
			.isWaitingAt(TASK_RECORD_GUARDIAN_CONSENT, TASK_DETERMINE_BEST_INTERESTS);
		assertThat(task(TASK_RECORD_GUARDIAN_CONSENT, protection)).isAssignedTo("guardian-1");
		assertThat(taskService().getIdentityLinksForTask(task(TASK_RECORD_GUARDIAN_CONSENT, protection).getId()))
			.extracting(IdentityLink::getGroupId)
			.contains("guardian");
		assertThat(task(TASK_DETERMINE_BEST_INTERESTS, protection)).hasCandidateGroup("social");

		complete(task(TASK_DETERMINE_BEST_INTERESTS, protection), withVariables(Variables.PLACEMENT_IN_BEST_INTERESTS, true,
				Variables.FAMILY_CONTACT_IN_BEST_INTERESTS, false, Variables.RETURN_IN_BEST_INTERESTS, false));
		assertThat(caseProcess).isWaitingAt(CALLER_PLACEMENT_GATE);
		execute(job(TASK_RECORD_BEST_INTERESTS, protection));

		assertThat(caseProcess).hasPassed(CALLER_PLACEMENT_GATE).isWaitingAt(CALLER_PLAN_PLACEMENT, CALLER_PROTECTION)
			.variables()
			.containsEntry(Variables.BEST_INTERESTS_DETERMINED, true);
		BestInterests determined = this.registry.get(this.registry.size() - 1).bestInterests();
		assertThat(determined.placementInBestInterests()).isTrue();
		assertThat(determined.familyContactInBestInterests()).isFalse();
		assertThat(determined.returnInBestInterests()).isFalse();

		complete(task(TASK_RECORD_GUARDIAN_CONSENT, protection), withVariables(Variables.CONSENT_TO_SERVICES, true,
				Variables.CONSENT_TO_SHARE_WITH_AGENCIES, List.of("health"), Variables.CHILD_VIEWS_HEARD, true));
		assertThat(protection).variables().containsEntry(Variables.CONSENT_RECORDED_BY, "guardian-1");
		execute(job(TASK_RECORD_CONSENT_DECISIONS, protection));

		assertThat(protection).isEnded().hasPassed(END_EVENT_CHILD_PROTECTION_IN_PLACE);
		assertThat(caseProcess).isWaitingAt(CALLER_PLAN_PLACEMENT).hasPassed("EndEvent_ChildProtected");
		complete(task(caseProcess));
		assertThat(caseProcess).isEnded();
	}

	@Test
	void an_age_assessment_that_finds_an_adult_ends_protection_with_an_error_the_caller_catches() {
		ProcessInstance caseProcess = startCaller(true);
		ProcessInstance protection = calledProcessInstance(KEY, caseProcess);
		appointGuardian(protection);
		assertThat(protection).isWaitingAt(TASK_ASSESS_AGE, TASK_RECORD_GUARDIAN_CONSENT, TASK_DETERMINE_BEST_INTERESTS);
		assertThat(task(TASK_ASSESS_AGE, protection)).hasCandidateGroup("social");

		complete(task(TASK_ASSESS_AGE, protection),
				withVariables(Variables.AGE_ASSESSMENT, "Adult", Variables.ASSESSMENT_METHOD, "Documents"));
		execute(job(TASK_RECORD_ADULT_ASSESSMENT, protection));

		assertThat(this.adultAssessments).containsExactly("case-1");
		assertThat(protection).isEnded().hasPassed(END_EVENT_ASSESSED_AS_ADULT)
			.hasNotPassed(END_EVENT_CHILD_PROTECTION_IN_PLACE);
		assertThat(taskQuery().processInstanceId(protection.getId()).count()).isZero();
		assertThat(caseProcess).hasPassed("BoundaryEvent_AssessedAsAdult").isWaitingAt(CALLER_ADULT_TRACK);
		complete(task(CALLER_ADULT_TRACK, caseProcess));
		assertThat(caseProcess).hasPassed("EndEvent_OnAdultTrack");
	}

	@Test
	void an_age_assessment_that_finds_a_child_keeps_the_child_track() {
		ProcessInstance protection = startAt(GATEWAY_AGE_UNCERTAIN, true);
		assertThat(protection).isWaitingAt(TASK_ASSESS_AGE);

		complete(task(protection),
				withVariables(Variables.AGE_ASSESSMENT, "Child", Variables.ASSESSMENT_METHOD, "MultidisciplinaryAssessment"));

		assertThat(protection).hasPassed(GATEWAY_AGE_SETTLED).hasNotPassed(TASK_RECORD_ADULT_ASSESSMENT).isNotEnded();
		assertThat(this.adultAssessments).isEmpty();
	}

	@Test
	void the_case_manager_is_reminded_before_the_guardian_is_due() {
		ProcessInstance protection = startAt(TASK_APPOINT_GUARDIAN, false);
		ProcessTestSupport.clockAt(MONDAY.plus(Duration.ofHours(40)));
		execute(job(BOUNDARY_EVENT_GUARDIAN_REMINDER, protection));
		execute(job(TASK_REMIND_GUARDIAN_APPOINTMENT_OWNER, protection));

		assertThat(protection).hasPassed(END_EVENT_GUARDIAN_APPOINTMENT_OWNER_REMINDED).isWaitingAt(TASK_APPOINT_GUARDIAN);
	}

	@Test
	void a_missed_guardian_appointment_is_escalated_and_a_supervisor_follows_it_up() {
		ProcessInstance protection = startAt(TASK_APPOINT_GUARDIAN, false);
		ProcessInstance escalation = missTheDeadline(protection);

		complete(task(DeadlineEscalationProcess.TASK_FOLLOW_UP_OVERDUE_TASK, escalation),
				withVariables("followUpAction", "CapacityArranged"));

		assertThat(escalation).isEnded().hasPassed(DeadlineEscalationProcess.END_EVENT_OVERDUE_TASK_FOLLOWED_UP);
		assertThat(protection).hasPassed(END_EVENT_GUARDIAN_APPOINTMENT_ESCALATED).isWaitingAt(TASK_APPOINT_GUARDIAN);
	}

	@Test
	void the_escalation_of_a_late_guardian_closes_when_the_guardian_is_appointed_and_protection_goes_on() {
		ProcessInstance protection = startAt(TASK_APPOINT_GUARDIAN, false);
		ProcessInstance escalation = missTheDeadline(protection);

		complete(task(TASK_APPOINT_GUARDIAN, protection), withVariables(Variables.GUARDIAN_USER_ID, "guardian-1"));
		deadlineMet(protection, TASK_APPOINT_GUARDIAN);

		assertThat(escalation).isEnded().hasPassed(DeadlineEscalationProcess.END_EVENT_ESCALATION_CLOSED);
		assertThat(protection).hasPassed(END_EVENT_GUARDIAN_APPOINTMENT_ESCALATED).isWaitingAt(TASK_RECORD_GUARDIAN);
	}

	private ProcessInstance missTheDeadline(ProcessInstance protection) {
		ProcessTestSupport.clockAt(DUE.plusSeconds(1));
		execute(job(BOUNDARY_EVENT_GUARDIAN_OVERDUE, protection));
		ProcessInstance escalation = calledProcessInstance(DeadlineEscalationProcess.KEY, protection);
		assertThat(escalation).variables()
			.containsEntry(DeadlineEscalationProcess.Variables.OVERDUE_TASK_KEY, TASK_APPOINT_GUARDIAN)
			.containsEntry(DeadlineEscalationProcess.Variables.DEADLINE_CLOCK, CLOCK);
		execute(job(escalation));
		return escalation;
	}

	private static void appointGuardian(ProcessInstance protection) {
		complete(task(TASK_APPOINT_GUARDIAN, protection), withVariables(Variables.GUARDIAN_USER_ID, "guardian-1"));
		execute(job(TASK_RECORD_GUARDIAN, protection));
	}

	/** What the deadlines module's listener does when a task with a due date ends. */
	private static void deadlineMet(ProcessInstance protection, String taskKey) {
		DeadlineEscalations.deadlineMet(runtimeService(), protection.getBusinessKey(), protection.getId(),
				taskKey);
	}

	private static Map<String, Object> caseVariables(boolean ageUncertain) {
		return withVariables(CaseVariables.CASE_ID, "case-1", CaseVariables.CASE_REFERENCE, REFERENCE, "jurisdiction", "coe",
				Variables.AGE_UNCERTAIN, ageUncertain);
	}

	private static ProcessInstance startCaller(boolean ageUncertain) {
		return runtimeService().startProcessInstanceByKey(CALLER, REFERENCE, caseVariables(ageUncertain));
	}

	private static ProcessInstance startAt(String activity, boolean ageUncertain) {
		return runtimeService().createProcessInstanceByKey(KEY)
			.startBeforeActivity(activity)
			.businessKey(REFERENCE)
			.setVariables(caseVariables(ageUncertain))
			.execute();
	}

	private static Case child() {
		return new Case("case-1", REFERENCE, "coe", "social", "demo-police", MONDAY, CaseStatus.Active, null, null,
				AgeGroup.Uncertain, PersonStatus.Presumed, Protection.PendingIdentification, null, null, null, null);
	}
}
