package org.opennrm.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.opennrm.identification.VictimIdentificationProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

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
import org.opennrm.identification.VictimIdentificationProcess.Variables;
import org.opennrm.processes.ProcessTestSupport;

@Deployment(resources = { "processes/identification/VictimIdentification.bpmn",
		"processes/identification/ScreenIndicators.form", "processes/identification/ConfirmScreeningOutcome.form",
		"processes/identification/DecideReasonableGrounds.form", "processes/identification/ScreeningRecommendation.dmn",
		"processes/deadlines/DeadlineEscalation.bpmn", "processes/deadlines/FollowUpOverdueTask.form",
		"processes/deadlines/ReviewEscalatedCase.form" })
class VictimIdentificationProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension engine = ProcessTestSupport.engineWithCoverage();

	/** A Monday morning in Brussels. */
	static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

	/** Five working days later in the CoE profile. */
	static final Instant GROUNDS_DUE = Instant.parse("2026-03-09T09:00:00Z");

	static final String REFERENCE = "TEST-2026-000011";

	final List<String> checklistsOffered = new ArrayList<>();

	@BeforeEach
	void setUp() {
		ProcessTestSupport.clockAt(MONDAY);
		ProcessTestSupport.realDeadlines();
		Mocks.register("offerIndicatorChecklist",
				(TaskListener) task -> this.checklistsOffered.add(task.getTaskDefinitionKey()));
		ProcessTestSupport.noOpDelegate("protectPresumedVictim");
		ProcessTestSupport.noOpDelegate("recordNoReasonableGrounds");
		ProcessTestSupport.noOpDelegate("remindOwner");
		ProcessTestSupport.escalationWithoutSideEffects();
	}

	@AfterEach
	void tearDown() {
		ProcessTestSupport.resetClock();
		Mocks.reset();
	}

	@Test
	void the_referring_agency_screens_on_the_offered_checklist_and_the_table_recommends_a_presumed_victim() {
		ProcessInstance identification = start(false);

		assertThat(identification).isWaitingAt(TASK_SCREEN_INDICATORS);
		assertThat(task(identification)).hasCandidateGroup("police");
		assertThat(this.checklistsOffered).containsExactly(TASK_SCREEN_INDICATORS);
		complete(task(identification), counts(1, 1, 0, 1, 1, 0, 2, 0, 0));

		assertThat(identification).hasPassed(TASK_RECOMMEND_SCREENING_OUTCOME).isWaitingAt(TASK_CONFIRM_SCREENING_OUTCOME);
		assertThat(identification).variables()
			.containsEntry(Variables.SCREENING_RECOMMENDATION, ScreeningRecommendation.PresumedVictim.name());
		assertThat(task(identification)).hasCandidateGroup("police");
	}

	@Test
	void a_screener_who_finds_no_indicators_and_confirms_it_ends_with_the_person_not_presumed() {
		ProcessInstance identification = start(false);
		complete(task(identification), counts(0, 1, 0, 0, 2, 1, 0, 0, 0));
		assertThat(identification).variables()
			.containsEntry(Variables.SCREENING_RECOMMENDATION, ScreeningRecommendation.NoIndicators.name());

		complete(task(identification), withVariables(Variables.PRESUMED_VICTIM, false));

		assertThat(identification).isEnded().hasPassed(END_EVENT_NOT_PRESUMED).hasNotPassed(TASK_PROTECT_PRESUMED_VICTIM);
		assertThat(identification).variables()
			.containsEntry(Variables.PRESUMED_VICTIM, false)
			.doesNotContainKey(Variables.REASONABLE_GROUNDS);
	}

	@Test
	void a_child_is_recommended_as_presumed_without_the_means_element() {
		ProcessInstance identification = start(true);
		complete(task(identification), counts(2, 0, 0, 1, 1, 0, 0, 0, 0));

		assertThat(identification).variables()
			.containsEntry(Variables.SCREENING_RECOMMENDATION, ScreeningRecommendation.PresumedVictim.name());
	}

	@Test
	void a_presumed_victim_is_protected_and_the_competent_authority_decides_on_reasonable_grounds() {
		ProcessInstance identification = startBefore(TASK_CONFIRM_SCREENING_OUTCOME,
				Variables.SCREENING_RECOMMENDATION, ScreeningRecommendation.FurtherAssessmentNeeded.name());
		complete(task(identification), withVariables(Variables.PRESUMED_VICTIM, true, "overrideReason",
				"ContextSuggestsTrafficking"));

		assertThat(identification).isWaitingAt(TASK_PROTECT_PRESUMED_VICTIM);
		execute(job(identification));

		assertThat(identification).isWaitingAt(TASK_DECIDE_REASONABLE_GROUNDS);
		assertThat(task(identification)).hasCandidateGroup("authority").hasDueDate(Date.from(GROUNDS_DUE));
		complete(task(identification), withVariables(Variables.REASONABLE_GROUNDS, "Positive"));

		assertThat(identification).isEnded().hasPassed(END_EVENT_REASONABLE_GROUNDS_FOUND);
		assertThat(identification).variables()
			.containsEntry(Variables.PRESUMED_VICTIM, true)
			.containsEntry(Variables.REASONABLE_GROUNDS, "Positive");
	}

	@Test
	void no_reasonable_grounds_are_recorded_before_the_process_ends() {
		ProcessInstance identification = startBefore(TASK_DECIDE_REASONABLE_GROUNDS, Variables.PRESUMED_VICTIM, true);
		complete(task(identification),
				withVariables(Variables.REASONABLE_GROUNDS, "Negative", "noGroundsReason", "OtherCrimeOrAbuse"));

		assertThat(identification).isWaitingAt(TASK_RECORD_NO_REASONABLE_GROUNDS);
		execute(job(identification));

		assertThat(identification).isEnded()
			.hasPassed(END_EVENT_NO_REASONABLE_GROUNDS)
			.hasNotPassed(END_EVENT_REASONABLE_GROUNDS_FOUND);
	}

	@Test
	void the_authority_is_reminded_before_the_decision_is_due_and_the_decision_stays_open() {
		ProcessInstance identification = startBefore(TASK_DECIDE_REASONABLE_GROUNDS, Variables.PRESUMED_VICTIM, true);

		ProcessTestSupport.clockAt(GROUNDS_DUE.minus(Duration.ofDays(1)));
		execute(job(BOUNDARY_EVENT_DECISION_REMINDER, identification));
		assertThat(identification).isWaitingAt(TASK_DECIDE_REASONABLE_GROUNDS, TASK_REMIND_DECISION_OWNER);
		execute(job(TASK_REMIND_DECISION_OWNER, identification));

		assertThat(identification).hasPassed(END_EVENT_DECISION_OWNER_REMINDED).isWaitingAt(TASK_DECIDE_REASONABLE_GROUNDS);
	}

	@Test
	void a_missed_decision_is_escalated_and_never_changes_the_path_of_the_case() {
		ProcessInstance identification = startBefore(TASK_DECIDE_REASONABLE_GROUNDS, Variables.PRESUMED_VICTIM, true);

		ProcessTestSupport.clockAt(GROUNDS_DUE.plusSeconds(1));
		execute(job(BOUNDARY_EVENT_DECISION_OVERDUE, identification));
		assertThat(identification).isWaitingAt(TASK_DECIDE_REASONABLE_GROUNDS, CALL_ACTIVITY_ESCALATE_DECISION);
		ProcessInstance escalation = calledProcessInstance(DeadlineEscalationProcess.KEY, identification);
		assertThat(escalation).variables()
			.containsEntry(DeadlineEscalationProcess.Variables.OVERDUE_TASK_KEY, TASK_DECIDE_REASONABLE_GROUNDS)
			.containsEntry(DeadlineEscalationProcess.Variables.DEADLINE_CLOCK, CLOCK_PRELIMINARY_DECISION)
			.containsEntry(CaseVariables.CASE_REFERENCE, REFERENCE);
		execute(job(escalation));
		complete(task(escalation), withVariables("followUpAction", "OwnerContacted"));

		assertThat(identification).hasPassed(END_EVENT_DECISION_ESCALATED).isWaitingAt(TASK_DECIDE_REASONABLE_GROUNDS);
		complete(task(TASK_DECIDE_REASONABLE_GROUNDS, identification),
				withVariables(Variables.REASONABLE_GROUNDS, "Positive"));
		assertThat(identification).isEnded().hasPassed(END_EVENT_REASONABLE_GROUNDS_FOUND);
	}

	@Test
	void an_escalation_closes_when_the_decision_is_taken_meanwhile() {
		ProcessInstance identification = startBefore(TASK_DECIDE_REASONABLE_GROUNDS, Variables.PRESUMED_VICTIM, true);
		ProcessTestSupport.clockAt(GROUNDS_DUE.plusSeconds(1));
		execute(job(BOUNDARY_EVENT_DECISION_OVERDUE, identification));
		ProcessInstance escalation = calledProcessInstance(DeadlineEscalationProcess.KEY, identification);
		execute(job(escalation));

		complete(task(TASK_DECIDE_REASONABLE_GROUNDS, identification),
				withVariables(Variables.REASONABLE_GROUNDS, "Positive"));
		// What the deadlines module's listener does when a task with a deadline ends.
		DeadlineEscalations.deadlineMet(runtimeService(), identification.getBusinessKey(), identification.getId(),
				TASK_DECIDE_REASONABLE_GROUNDS);

		assertThat(escalation).isEnded();
		assertThat(identification).isEnded().hasPassed(END_EVENT_REASONABLE_GROUNDS_FOUND, END_EVENT_DECISION_ESCALATED);
	}

	@Test
	void a_follow_up_that_is_late_too_reaches_the_coordinator_while_the_decision_waits() {
		ProcessInstance identification = startBefore(TASK_DECIDE_REASONABLE_GROUNDS, Variables.PRESUMED_VICTIM, true);
		ProcessTestSupport.clockAt(GROUNDS_DUE.plusSeconds(1));
		execute(job(BOUNDARY_EVENT_DECISION_OVERDUE, identification));
		ProcessInstance escalation = calledProcessInstance(DeadlineEscalationProcess.KEY, identification);
		execute(job(escalation));

		ProcessTestSupport.clockAt(GROUNDS_DUE.plus(Duration.ofDays(7)));
		execute(job(DeadlineEscalationProcess.BOUNDARY_EVENT_FOLLOW_UP_OVERDUE, escalation));
		complete(task(DeadlineEscalationProcess.TASK_REVIEW_ESCALATED_CASE, escalation),
				withVariables("coordinatorAction", "AgencyContacted"));

		assertThat(escalation).hasPassed(DeadlineEscalationProcess.END_EVENT_REVIEWED_BY_COORDINATOR);
		assertThat(identification).isWaitingAt(TASK_DECIDE_REASONABLE_GROUNDS);
	}

	private static ProcessInstance start(boolean child) {
		return runtimeService().startProcessInstanceByKey(KEY, REFERENCE, inputs(child));
	}

	private static ProcessInstance startBefore(String activity, String name, Object value) {
		return runtimeService().createProcessInstanceByKey(KEY)
			.businessKey(REFERENCE)
			.startBeforeActivity(activity)
			.setVariables(inputs(false))
			.setVariable(name, value)
			.execute();
	}

	/** What the case process passes in. */
	private static Map<String, Object> inputs(boolean child) {
		return withVariables(CaseVariables.CASE_ID, "case-11", CaseVariables.CASE_REFERENCE, REFERENCE, "jurisdiction",
				"coe", Variables.IS_CHILD, child, Variables.SUSPECTED_EXPLOITATION,
				SuspectedExploitation.LabourExploitation.name(), Variables.REFERRING_AGENCY, "police",
				Variables.COMPETENT_AUTHORITY, "authority");
	}

	/** What the screening's sink sets on the process when the screening task completes. */
	private static Map<String, Object> counts(int recruitmentStrong, int recruitmentMedium, int recruitmentWeak,
			int exploitationStrong, int exploitationMedium, int exploitationWeak, int coercionStrong, int coercionMedium,
			int coercionWeak) {
		return withVariables(Variables.RECRUITMENT_STRONG, recruitmentStrong, Variables.RECRUITMENT_MEDIUM,
				recruitmentMedium, Variables.RECRUITMENT_WEAK, recruitmentWeak, Variables.EXPLOITATION_STRONG,
				exploitationStrong, Variables.EXPLOITATION_MEDIUM, exploitationMedium, Variables.EXPLOITATION_WEAK,
				exploitationWeak, Variables.COERCION_STRONG, coercionStrong, Variables.COERCION_MEDIUM, coercionMedium,
				Variables.COERCION_WEAK, coercionWeak, Variables.CHECKLIST, "labour-exploitation-adult",
				Variables.CHECKLIST_VERSION, 1);
	}
}
