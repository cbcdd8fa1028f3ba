package org.opennrm.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.opennrm.recovery.RecoveryPeriodProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
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
import org.opennrm.processes.ProcessTestSupport;
import org.opennrm.recovery.RecoveryPeriodProcess.Variables;

@Deployment(resources = { "processes/recovery/RecoveryPeriod.bpmn", "processes/recovery/ReviewRecoveryPeriod.form",
		"processes/deadlines/DeadlineEscalation.bpmn", "processes/deadlines/FollowUpOverdueTask.form",
		"processes/deadlines/ReviewEscalatedCase.form" })
class RecoveryPeriodProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension engine = ProcessTestSupport.engineWithCoverage();

	/** A Monday morning in Brussels. */
	static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

	/** When the stand-in for the start of the period says it ends. */
	static final Instant PERIOD_ENDS = MONDAY.plus(Duration.ofDays(30));

	/** When the stand-in for an extension says it ends. */
	static final Instant EXTENSION_ENDS = PERIOD_ENDS.plus(Duration.ofDays(40));

	/** Three working days after the period ends on a Wednesday: the next Monday. */
	static final Instant REVIEW_DUE = Instant.parse("2026-04-06T09:00:00Z");

	static final String REFERENCE = "TEST-2026-000031";

	final List<String> protections = new ArrayList<>();

	@BeforeEach
	void setUp() {
		ProcessTestSupport.clockAt(MONDAY);
		ProcessTestSupport.realDeadlines();
		Mocks.register("startRecoveryPeriod", (JavaDelegate) execution -> {
			this.protections.add("RecoveryPeriod");
			execution.setVariable(Variables.RECOVERY_PERIOD_ENDS, Date.from(PERIOD_ENDS));
		});
		Mocks.register("extendRecoveryPeriod", (JavaDelegate) execution -> execution
			.setVariable(Variables.RECOVERY_PERIOD_ENDS, Date.from(EXTENSION_ENDS)));
		Mocks.register("endRecoveryPeriod", (JavaDelegate) execution -> this.protections.add("PendingFormalDecision"));
		ProcessTestSupport.noOpDelegate("remindOwner");
		ProcessTestSupport.escalationWithoutSideEffects();
	}

	@AfterEach
	void tearDown() {
		ProcessTestSupport.resetClock();
		Mocks.reset();
	}

	@Test
	void the_period_runs_until_it_ends_and_then_the_competent_authority_reviews_it() {
		ProcessInstance period = runtimeService().startProcessInstanceByKey(KEY, REFERENCE, inputs());
		assertThat(period).isWaitingAt(TASK_START_RECOVERY_PERIOD);
		execute(job(period));

		assertThat(period).isWaitingAt(EVENT_RECOVERY_PERIOD_ENDS);
		assertThat(job(EVENT_RECOVERY_PERIOD_ENDS, period).getDuedate()).isEqualTo(Date.from(PERIOD_ENDS));
		ProcessTestSupport.clockAt(PERIOD_ENDS);
		execute(job(EVENT_RECOVERY_PERIOD_ENDS, period));

		assertThat(period).isWaitingAt(TASK_REVIEW_RECOVERY_PERIOD);
		assertThat(task(period)).hasCandidateGroup("authority").hasDueDate(Date.from(REVIEW_DUE));
		assertThat(this.protections).containsExactly("RecoveryPeriod");
	}

	@Test
	void an_ended_period_leaves_the_person_protected_until_the_formal_decision() {
		ProcessInstance period = startBefore(TASK_REVIEW_RECOVERY_PERIOD);
		complete(task(period), withVariables(Variables.EXTEND_PERIOD, false));

		assertThat(period).isWaitingAt(TASK_END_RECOVERY_PERIOD);
		execute(job(period));

		assertThat(period).isEnded().hasPassed(END_EVENT_RECOVERY_PERIOD_ENDED).hasNotPassed(TASK_EXTEND_RECOVERY_PERIOD);
		assertThat(this.protections).containsExactly("PendingFormalDecision");
	}

	@Test
	void an_extension_runs_the_period_again_until_its_new_end() {
		ProcessInstance period = startBefore(TASK_REVIEW_RECOVERY_PERIOD);
		complete(task(period), withVariables(Variables.EXTEND_PERIOD, true, "extensionReason", "Trauma"));

		assertThat(period).isWaitingAt(TASK_EXTEND_RECOVERY_PERIOD);
		execute(job(period));

		assertThat(period).isWaitingAt(EVENT_RECOVERY_PERIOD_ENDS);
		assertThat(job(EVENT_RECOVERY_PERIOD_ENDS, period).getDuedate()).isEqualTo(Date.from(EXTENSION_ENDS));
		ProcessTestSupport.clockAt(EXTENSION_ENDS);
		execute(job(EVENT_RECOVERY_PERIOD_ENDS, period));
		assertThat(period).isWaitingAt(TASK_REVIEW_RECOVERY_PERIOD);
	}

	@Test
	void the_authority_is_reminded_before_the_review_is_due() {
		ProcessInstance period = startBefore(TASK_REVIEW_RECOVERY_PERIOD);

		ProcessTestSupport.clockAt(PERIOD_ENDS.plus(Duration.ofDays(4)));
		execute(job(BOUNDARY_EVENT_REVIEW_REMINDER, period));
		execute(job(TASK_REMIND_REVIEW_OWNER, period));

		assertThat(period).hasPassed(END_EVENT_REVIEW_OWNER_REMINDED).isWaitingAt(TASK_REVIEW_RECOVERY_PERIOD);
	}

	@Test
	void a_missed_review_is_escalated_and_the_period_never_ends_by_itself() {
		ProcessInstance period = startBefore(TASK_REVIEW_RECOVERY_PERIOD);

		ProcessTestSupport.clockAt(REVIEW_DUE.plusSeconds(1));
		execute(job(BOUNDARY_EVENT_REVIEW_OVERDUE, period));
		ProcessInstance escalation = calledProcessInstance(DeadlineEscalationProcess.KEY, period);
		assertThat(escalation).variables()
			.containsEntry(DeadlineEscalationProcess.Variables.OVERDUE_TASK_KEY, TASK_REVIEW_RECOVERY_PERIOD)
			.containsEntry(DeadlineEscalationProcess.Variables.DEADLINE_CLOCK, CLOCK_RECOVERY_REVIEW);
		execute(job(escalation));
		complete(task(escalation), withVariables("followUpAction", "OwnerContacted"));

		assertThat(period).hasPassed(END_EVENT_REVIEW_ESCALATED).isWaitingAt(TASK_REVIEW_RECOVERY_PERIOD);
		assertThat(this.protections).isEmpty();
	}

	@Test
	void an_escalation_closes_when_the_review_is_done_and_a_late_follow_up_reaches_the_coordinator() {
		ProcessInstance period = startBefore(TASK_REVIEW_RECOVERY_PERIOD);
		ProcessTestSupport.clockAt(REVIEW_DUE.plusSeconds(1));
		execute(job(BOUNDARY_EVENT_REVIEW_OVERDUE, period));
		ProcessInstance escalation = calledProcessInstance(DeadlineEscalationProcess.KEY, period);
		execute(job(escalation));
		ProcessTestSupport.clockAt(REVIEW_DUE.plus(Duration.ofDays(7)));
		execute(job(DeadlineEscalationProcess.BOUNDARY_EVENT_FOLLOW_UP_OVERDUE, escalation));
		complete(task(DeadlineEscalationProcess.TASK_REVIEW_ESCALATED_CASE, escalation),
				withVariables("coordinatorAction", "NoFurtherAction"));

		complete(task(TASK_REVIEW_RECOVERY_PERIOD, period), withVariables(Variables.EXTEND_PERIOD, false));
		// What the deadlines module's listener does when a task with a deadline ends.
		DeadlineEscalations.deadlineMet(runtimeService(), period.getBusinessKey(), period.getId(),
				TASK_REVIEW_RECOVERY_PERIOD);

		assertThat(escalation).isEnded().hasPassed(DeadlineEscalationProcess.END_EVENT_ESCALATION_CLOSED);
		assertThat(period).hasPassed(END_EVENT_REVIEW_ESCALATED).isWaitingAt(TASK_END_RECOVERY_PERIOD);
	}

	private static ProcessInstance startBefore(String activity) {
		ProcessTestSupport.clockAt(PERIOD_ENDS);
		return runtimeService().createProcessInstanceByKey(KEY)
			.businessKey(REFERENCE)
			.startBeforeActivity(activity)
			.setVariables(inputs())
			.setVariable(Variables.RECOVERY_PERIOD_ENDS, Date.from(PERIOD_ENDS))
			.execute();
	}

	/** What the case process passes in. */
	private static Map<String, Object> inputs() {
		return withVariables(CaseVariables.CASE_ID, "case-31", CaseVariables.CASE_REFERENCE, REFERENCE, "jurisdiction",
				"coe", Variables.COMPETENT_AUTHORITY, "authority", Variables.FOREIGN_NATIONAL, true);
	}
}
