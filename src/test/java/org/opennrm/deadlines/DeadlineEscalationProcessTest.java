package org.opennrm.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.opennrm.deadlines.DeadlineEscalationProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opennrm.processes.ProcessTestSupport;

@Deployment(resources = { "processes/deadlines/DeadlineEscalation.bpmn", "processes/deadlines/FollowUpOverdueTask.form",
		"processes/deadlines/ReviewEscalatedCase.form" })
class DeadlineEscalationProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension engine = ProcessTestSupport.engineWithCoverage();

	/** A Monday morning in Brussels. */
	static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

	/** Case references the coordinators were told about. */
	final List<Object> coordinatorsTold = new ArrayList<>();

	@BeforeEach
	void setUp() {
		ProcessTestSupport.clockAt(MONDAY);
		ProcessTestSupport.realDeadlines();
		ProcessTestSupport.noOpDelegate("markOverdue");
		Mocks.register("notifyCoordinator",
				(TaskListener) task -> this.coordinatorsTold.add(task.getVariable("caseReference")));
	}

	@AfterEach
	void tearDown() {
		ProcessTestSupport.resetClock();
		Mocks.reset();
	}

	@Test
	void a_missed_deadline_marks_the_task_overdue_and_a_supervisor_follows_it_up() {
		ProcessInstance escalation = start();
		assertThat(escalation).isWaitingAt(TASK_MARK_TASK_OVERDUE);
		execute(job(escalation));

		assertThat(escalation).isWaitingAt(TASK_FOLLOW_UP_OVERDUE_TASK);
		assertThat(task(escalation)).hasCandidateGroup("supervisor")
			.hasDueDate(java.util.Date.from(MONDAY.plus(Duration.ofDays(2))));
		complete(task(escalation), withVariables("followUpAction", "OwnerContacted"));

		assertThat(escalation).isEnded().hasPassed(END_EVENT_OVERDUE_TASK_FOLLOWED_UP)
			.hasNotPassed(TASK_REVIEW_ESCALATED_CASE);
	}

	@Test
	void a_follow_up_that_is_late_too_goes_to_the_national_coordinator() {
		ProcessInstance escalation = runtimeService().createProcessInstanceByKey(KEY)
			.startBeforeActivity(TASK_FOLLOW_UP_OVERDUE_TASK)
			.setVariables(withVariables("jurisdiction", "coe", "caseReference", "TEST-2026-000002"))
			.execute();
		ProcessTestSupport.clockAt(MONDAY.plus(Duration.ofDays(2)).plusSeconds(1));
		execute(job(BOUNDARY_EVENT_FOLLOW_UP_OVERDUE, escalation));

		assertThat(escalation).isWaitingAt(TASK_FOLLOW_UP_OVERDUE_TASK, TASK_REVIEW_ESCALATED_CASE);
		assertThat(task(TASK_REVIEW_ESCALATED_CASE, escalation)).hasCandidateGroup("coordinator");
		assertThat(this.coordinatorsTold).containsExactly("TEST-2026-000002");
		complete(task(TASK_REVIEW_ESCALATED_CASE, escalation), withVariables("coordinatorAction", "AgencyContacted"));
		complete(task(TASK_FOLLOW_UP_OVERDUE_TASK, escalation), withVariables("followUpAction", "TaskReassigned"));

		assertThat(escalation).isEnded().hasPassed(END_EVENT_REVIEWED_BY_COORDINATOR, END_EVENT_OVERDUE_TASK_FOLLOWED_UP);
	}

	@Test
	void when_the_overdue_task_is_done_meanwhile_the_escalation_closes_by_itself() {
		ProcessInstance escalation = start();
		execute(job(escalation));

		DeadlineEscalations.deadlineMet(runtimeService(), "TEST-2026-000001", "pi-1",
				"Task_DecideReasonableGrounds");

		assertThat(escalation).isEnded().hasPassed(END_EVENT_ESCALATION_CLOSED)
			.hasNotPassed(END_EVENT_OVERDUE_TASK_FOLLOWED_UP);
		assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
	}

	@Test
	void a_met_deadline_closes_only_the_escalation_of_its_own_case_task_and_process() {
		ProcessInstance escalation = start();
		execute(job(escalation));

		DeadlineEscalations.deadlineMet(runtimeService(), "TEST-2026-000002", "pi-1",
				"Task_DecideReasonableGrounds");
		DeadlineEscalations.deadlineMet(runtimeService(), "TEST-2026-000001", "pi-2",
				"Task_DecideReasonableGrounds");
		DeadlineEscalations.deadlineMet(runtimeService(), "TEST-2026-000001", "pi-1",
				"Task_DecideFormalIdentification");
		assertThat(escalation).isWaitingAt(TASK_FOLLOW_UP_OVERDUE_TASK);

		// A caller without a business key is found by the variables alone.
		DeadlineEscalations.deadlineMet(runtimeService(), null, "pi-1", "Task_DecideReasonableGrounds");
		assertThat(escalation).isEnded().hasPassed(END_EVENT_ESCALATION_CLOSED);
	}

	private static ProcessInstance start() {
		return runtimeService().startProcessInstanceByKey(KEY, "TEST-2026-000001",
				withVariables("jurisdiction", "coe", Variables.OVERDUE_TASK_KEY, "Task_DecideReasonableGrounds",
						Variables.OVERDUE_PROCESS_INSTANCE_ID, "pi-1", Variables.DEADLINE_CLOCK, "preliminary-decision"));
	}
}
