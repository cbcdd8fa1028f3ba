package org.opennrm.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.opennrm.identification.FormalIdentificationProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Execution;
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
import org.opennrm.identification.FormalIdentificationProcess.Variables;
import org.opennrm.processes.ProcessTestSupport;

@Deployment(resources = { "processes/identification/FormalIdentification.bpmn",
		"processes/identification/DecideFormalIdentification.form", "processes/deadlines/DeadlineEscalation.bpmn",
		"processes/deadlines/FollowUpOverdueTask.form", "processes/deadlines/ReviewEscalatedCase.form" })
class FormalIdentificationProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension engine = ProcessTestSupport.engineWithCoverage();

	/** A Monday morning in Brussels. */
	static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

	/** Twenty working days later in the CoE profile, at the same time of day in Brussels (summer time by then). */
	static final Instant DECISION_DUE = Instant.parse("2026-03-30T08:00:00Z");

	/** Thirty days after a negative decision taken on {@link #MONDAY}. */
	static final Instant WINDOW_CLOSES = Instant.parse("2026-04-01T09:00:00Z");

	static final String REFERENCE = "TEST-2026-000021";

	@BeforeEach
	void setUp() {
		ProcessTestSupport.clockAt(MONDAY);
		ProcessTestSupport.realDeadlines();
		ProcessTestSupport.noOpDelegate("recordIdentification");
		ProcessTestSupport.noOpDelegate("openReconsiderationWindow");
		ProcessTestSupport.noOpDelegate("closeReconsiderationWindow");
		ProcessTestSupport.noOpDelegate("remindOwner");
		ProcessTestSupport.escalationWithoutSideEffects();
	}

	@AfterEach
	void tearDown() {
		ProcessTestSupport.resetClock();
		Mocks.reset();
	}

	@Test
	void the_competent_authority_identifies_the_person_as_a_victim() {
		ProcessInstance identification = runtimeService().startProcessInstanceByKey(KEY, REFERENCE, inputs());

		assertThat(identification).isWaitingAt(TASK_DECIDE_FORMAL_IDENTIFICATION);
		assertThat(task(identification)).hasCandidateGroup("authority").hasDueDate(Date.from(DECISION_DUE));
		complete(task(identification), withVariables(Variables.IDENTIFIED, true));

		assertThat(identification).isWaitingAt(TASK_RECORD_IDENTIFICATION);
		execute(job(identification));
		assertThat(identification).isEnded().hasPassed(END_EVENT_VICTIM_IDENTIFIED);
		assertThat(identification).variables().containsEntry(Variables.IDENTIFIED, true);
	}

	@Test
	void a_negative_decision_opens_a_reconsideration_window_that_closes_without_new_evidence() {
		ProcessInstance identification = startBefore(TASK_DECIDE_FORMAL_IDENTIFICATION);
		complete(task(identification),
				withVariables(Variables.IDENTIFIED, false, "notIdentifiedReason", "BalanceOfProbabilitiesNotMet"));

		assertThat(identification).isWaitingAt(TASK_OPEN_RECONSIDERATION_WINDOW);
		execute(job(identification));
		assertThat(identification).isWaitingAt(GATEWAY_NEW_EVIDENCE_IN_TIME);
		assertThat(job(EVENT_RECONSIDERATION_WINDOW_CLOSED, identification).getDuedate()).isEqualTo(
				Date.from(WINDOW_CLOSES));

		ProcessTestSupport.clockAt(WINDOW_CLOSES.plusSeconds(1));
		execute(job(EVENT_RECONSIDERATION_WINDOW_CLOSED, identification));
		assertThat(identification).isWaitingAt(TASK_CLOSE_RECONSIDERATION_WINDOW);
		execute(job(identification));

		assertThat(identification).isEnded().hasPassed(END_EVENT_NOT_IDENTIFIED).hasNotPassed(EVENT_NEW_EVIDENCE_SUBMITTED);
		assertThat(identification).variables().containsEntry(Variables.IDENTIFIED, false);
	}

	@Test
	void new_evidence_in_time_reopens_the_decision() {
		ProcessInstance identification = startBefore(GATEWAY_NEW_EVIDENCE_IN_TIME);

		submitNewEvidence(REFERENCE);

		assertThat(identification).hasPassed(EVENT_NEW_EVIDENCE_SUBMITTED).isWaitingAt(TASK_DECIDE_FORMAL_IDENTIFICATION);
		assertThat(managementService().createJobQuery().activityId(EVENT_RECONSIDERATION_WINDOW_CLOSED).count()).isZero();
		complete(task(identification), withVariables(Variables.IDENTIFIED, true));
		execute(job(identification));
		assertThat(identification).isEnded().hasPassed(END_EVENT_VICTIM_IDENTIFIED);
	}

	@Test
	void the_authority_is_reminded_before_the_decision_is_due() {
		ProcessInstance identification = startBefore(TASK_DECIDE_FORMAL_IDENTIFICATION);

		ProcessTestSupport.clockAt(DECISION_DUE.minus(Duration.ofDays(2)));
		execute(job(BOUNDARY_EVENT_DECISION_REMINDER, identification));
		execute(job(TASK_REMIND_DECISION_OWNER, identification));

		assertThat(identification).hasPassed(END_EVENT_DECISION_OWNER_REMINDED)
			.isWaitingAt(TASK_DECIDE_FORMAL_IDENTIFICATION);
	}

	@Test
	void a_missed_decision_is_escalated_while_the_decision_stays_open() {
		ProcessInstance identification = startBefore(TASK_DECIDE_FORMAL_IDENTIFICATION);

		ProcessTestSupport.clockAt(DECISION_DUE.plusSeconds(1));
		execute(job(BOUNDARY_EVENT_DECISION_OVERDUE, identification));
		ProcessInstance escalation = calledProcessInstance(DeadlineEscalationProcess.KEY, identification);
		assertThat(escalation).variables()
			.containsEntry(DeadlineEscalationProcess.Variables.OVERDUE_TASK_KEY, TASK_DECIDE_FORMAL_IDENTIFICATION)
			.containsEntry(DeadlineEscalationProcess.Variables.DEADLINE_CLOCK, CLOCK_FORMAL_DECISION);
		execute(job(escalation));
		complete(task(escalation), withVariables("followUpAction", "CapacityArranged"));

		assertThat(identification).hasPassed(END_EVENT_DECISION_ESCALATED).isWaitingAt(TASK_DECIDE_FORMAL_IDENTIFICATION);
	}

	@Test
	void an_escalation_closes_when_the_decision_is_taken_and_a_late_follow_up_reaches_the_coordinator() {
		ProcessInstance identification = startBefore(TASK_DECIDE_FORMAL_IDENTIFICATION);
		ProcessTestSupport.clockAt(DECISION_DUE.plusSeconds(1));
		execute(job(BOUNDARY_EVENT_DECISION_OVERDUE, identification));
		ProcessInstance escalation = calledProcessInstance(DeadlineEscalationProcess.KEY, identification);
		execute(job(escalation));
		ProcessTestSupport.clockAt(DECISION_DUE.plus(Duration.ofDays(7)));
		execute(job(DeadlineEscalationProcess.BOUNDARY_EVENT_FOLLOW_UP_OVERDUE, escalation));
		complete(task(DeadlineEscalationProcess.TASK_REVIEW_ESCALATED_CASE, escalation),
				withVariables("coordinatorAction", "ResourcesAllocated"));

		complete(task(TASK_DECIDE_FORMAL_IDENTIFICATION, identification), withVariables(Variables.IDENTIFIED, true));
		// What the deadlines module's listener does when a task with a deadline ends.
		DeadlineEscalations.deadlineMet(runtimeService(), identification.getBusinessKey(), identification.getId(),
				TASK_DECIDE_FORMAL_IDENTIFICATION);

		assertThat(escalation).isEnded().hasPassed(DeadlineEscalationProcess.END_EVENT_ESCALATION_CLOSED);
		assertThat(identification).hasPassed(END_EVENT_DECISION_ESCALATED).isWaitingAt(TASK_RECORD_IDENTIFICATION);
	}

	/**
	 * How the case's API delivers new evidence: to the one execution of this process that waits for it, found by the
	 * case reference and the process key (the case process shares the business key).
	 */
	private static void submitNewEvidence(String reference) {
		Execution waiting = runtimeService().createExecutionQuery()
			.processDefinitionKey(KEY)
			.processInstanceBusinessKey(reference)
			.messageEventSubscriptionName(MESSAGE_NEW_EVIDENCE_SUBMITTED)
			.singleResult();
		runtimeService().createMessageCorrelation(MESSAGE_NEW_EVIDENCE_SUBMITTED)
			.processInstanceId(waiting.getProcessInstanceId())
			.correlate();
	}

	private static ProcessInstance startBefore(String activity) {
		return runtimeService().createProcessInstanceByKey(KEY)
			.businessKey(REFERENCE)
			.startBeforeActivity(activity)
			.setVariables(inputs())
			.execute();
	}

	/** What the case process passes in. */
	private static Map<String, Object> inputs() {
		return withVariables(CaseVariables.CASE_ID, "case-21", CaseVariables.CASE_REFERENCE, REFERENCE, "jurisdiction",
				"coe", Variables.COMPETENT_AUTHORITY, "authority");
	}
}
