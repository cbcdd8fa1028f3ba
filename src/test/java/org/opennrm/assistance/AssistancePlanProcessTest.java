package org.opennrm.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.opennrm.assistance.AssistancePlanProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opennrm.assistance.AssistancePlanProcess.Variables;
import org.opennrm.assistance.internal.AssistancePlanTestBeans;
import org.opennrm.cases.CaseVariables;
import org.opennrm.deadlines.DeadlineEscalationProcess;
import org.opennrm.deadlines.DeadlineEscalations;
import org.opennrm.processes.ProcessTestSupport;

/**
 * One test per path of the assistance plan. The four-eyes listeners are the real ones: the plan's author can never
 * hold its approval.
 */
@Deployment(resources = { "processes/assistance/AssistancePlan.bpmn", "processes/assistance/DraftAssistancePlan.form",
		"processes/assistance/ApproveAssistancePlan.form", "processes/deadlines/DeadlineEscalation.bpmn",
		"processes/deadlines/FollowUpOverdueTask.form", "processes/deadlines/ReviewEscalatedCase.form" })
class AssistancePlanProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension engine = ProcessTestSupport.engineWithCoverage();

	static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

	/** assistance-plan in the CoE profile: 14 days. */
	static final Instant DUE = MONDAY.plus(Duration.ofDays(14));

	static final String REFERENCE = "TEST-2026-000001";

	static final Map<String, Object> PLAN = Map.of(Variables.PLANNED_SERVICES, List.of("Shelter", "LegalAid"),
			Variables.WRITTEN_WITH, "Person", Variables.PLAN_REFERENCE, "AP/2026/0042");

	@BeforeEach
	void setUp() {
		ProcessTestSupport.clockAt(MONDAY);
		ProcessTestSupport.realDeadlines();
		ProcessTestSupport.noOpDelegate("remindOwner");
		ProcessTestSupport.escalationWithoutSideEffects();
		Mocks.register("recordAssistancePlanAuthor", AssistancePlanTestBeans.recordAuthor());
		Mocks.register("assistancePlanFourEyes", AssistancePlanTestBeans.fourEyes());
	}

	@AfterEach
	void tearDown() {
		ProcessTestSupport.resetClock();
		Mocks.reset();
	}

	@Test
	void the_case_manager_writes_the_plan_and_another_supervisor_approves_it() {
		ProcessInstance plan = start();
		assertThat(plan).isWaitingAt(TASK_DRAFT_ASSISTANCE_PLAN);
		assertThat(task(plan)).hasCandidateGroup("social").hasDueDate(Date.from(DUE));
		completeAs("ana", task(plan), PLAN);

		assertThat(plan).isWaitingAt(TASK_APPROVE_ASSISTANCE_PLAN).variables().containsEntry(Variables.PLAN_AUTHOR, "ana");
		assertThat(task(plan)).hasCandidateGroup("supervisor");
		completeAs("bo", task(plan), Map.of(Variables.PLAN_APPROVED, true));

		assertThat(plan).isEnded().hasPassed(END_EVENT_PLAN_APPROVED).variables()
			.containsEntry(Variables.PLANNED_SERVICES, List.of("Shelter", "LegalAid"))
			.containsEntry(Variables.PLAN_REFERENCE, "AP/2026/0042");
	}

	@Test
	void the_plans_author_can_never_hold_its_approval() {
		ProcessInstance plan = startAtApproval("ana");
		String approval = task(plan).getId();

		assertThatThrownBy(() -> taskService().claim(approval, "ana")).hasMessageContaining("author");
		assertThatThrownBy(() -> taskService().setAssignee(approval, "ana")).hasMessageContaining("author");
		assertThat(task(plan)).isNotAssigned();

		taskService().claim(approval, "bo");
		assertThat(task(plan)).isAssignedTo("bo");
	}

	@Test
	void a_plan_sent_back_is_revised_and_its_new_author_cannot_approve_the_revision() {
		ProcessInstance plan = startAtApproval("ana");
		completeAs("bo", task(plan), Map.of(Variables.PLAN_APPROVED, false, Variables.REVISION_REASON, "PersonNotInvolved"));

		assertThat(plan).hasPassed(GATEWAY_PLAN_TO_WRITE).isWaitingAt(TASK_DRAFT_ASSISTANCE_PLAN).variables()
			.containsEntry(Variables.REVISION_REASON, "PersonNotInvolved");
		completeAs("bo", task(plan), PLAN);

		assertThat(plan).isWaitingAt(TASK_APPROVE_ASSISTANCE_PLAN).variables().containsEntry(Variables.PLAN_AUTHOR, "bo");
		assertThatThrownBy(() -> taskService().claim(task(plan).getId(), "bo")).hasMessageContaining("author");
		completeAs("ana", task(plan), Map.of(Variables.PLAN_APPROVED, true));
		assertThat(plan).isEnded().hasPassed(END_EVENT_PLAN_APPROVED);
	}

	@Test
	void a_draft_nobody_holds_cannot_be_completed_because_its_author_would_be_unknown() {
		ProcessInstance plan = start();

		assertThatThrownBy(() -> complete(task(plan), PLAN)).hasMessageContaining("problem.plan.noAuthor");
		assertThat(plan).isWaitingAt(TASK_DRAFT_ASSISTANCE_PLAN).variables().doesNotContainKey(Variables.PLAN_AUTHOR);
	}

	@Test
	void the_case_manager_is_reminded_before_the_plan_is_due() {
		ProcessInstance plan = start();
		ProcessTestSupport.clockAt(MONDAY.plus(Duration.ofDays(12)));
		execute(job(BOUNDARY_EVENT_DRAFT_REMINDER, plan));
		execute(job(TASK_REMIND_DRAFT_OWNER, plan));

		assertThat(plan).hasPassed(END_EVENT_DRAFT_OWNER_REMINDED).isWaitingAt(TASK_DRAFT_ASSISTANCE_PLAN);
	}

	@Test
	void a_late_plan_is_escalated_to_the_coordinator_and_the_escalation_closes_when_the_plan_is_written() {
		ProcessInstance plan = start();
		ProcessTestSupport.clockAt(DUE.plusSeconds(1));
		execute(job(BOUNDARY_EVENT_DRAFT_OVERDUE, plan));
		ProcessInstance escalation = calledProcessInstance(DeadlineEscalationProcess.KEY, plan);
		assertThat(escalation).variables()
			.containsEntry(DeadlineEscalationProcess.Variables.OVERDUE_TASK_KEY, TASK_DRAFT_ASSISTANCE_PLAN)
			.containsEntry(DeadlineEscalationProcess.Variables.DEADLINE_CLOCK, CLOCK);
		execute(job(escalation));
		ProcessTestSupport.clockAt(DUE.plus(Duration.ofDays(5)));
		execute(job(DeadlineEscalationProcess.BOUNDARY_EVENT_FOLLOW_UP_OVERDUE, escalation));
		complete(task(DeadlineEscalationProcess.TASK_REVIEW_ESCALATED_CASE, escalation),
				withVariables("coordinatorAction", "ResourcesAllocated"));

		completeAs("ana", task(plan), PLAN);
		deadlineMet(plan, TASK_DRAFT_ASSISTANCE_PLAN);

		assertThat(escalation).isEnded().hasPassed(DeadlineEscalationProcess.END_EVENT_REVIEWED_BY_COORDINATOR,
				DeadlineEscalationProcess.END_EVENT_ESCALATION_CLOSED);
		assertThat(plan).hasPassed(END_EVENT_DRAFT_ESCALATED).isWaitingAt(TASK_APPROVE_ASSISTANCE_PLAN);
	}

	/** What the deadlines module's listener does when a task with a due date ends. */
	private static void deadlineMet(ProcessInstance plan, String taskKey) {
		DeadlineEscalations.deadlineMet(runtimeService(), plan.getBusinessKey(), plan.getId(), taskKey);
	}

	private static void completeAs(String userId, Task task, Map<String, Object> variables) {
		taskService().claim(task.getId(), userId);
		complete(task, variables);
	}

	private static Map<String, Object> caseVariables() {
		return withVariables(CaseVariables.CASE_ID, "case-1", CaseVariables.CASE_REFERENCE, REFERENCE, "jurisdiction",
				"coe", Variables.IS_CHILD, false);
	}

	private static ProcessInstance start() {
		return runtimeService().startProcessInstanceByKey(KEY, REFERENCE, caseVariables());
	}

	private static ProcessInstance startAtApproval(String author) {
		return runtimeService().createProcessInstanceByKey(KEY)
			.startBeforeActivity(TASK_APPROVE_ASSISTANCE_PLAN)
			.businessKey(REFERENCE)
			.setVariables(caseVariables())
			.setVariables(PLAN)
			.setVariable(Variables.PLAN_AUTHOR, author)
			.execute();
	}
}
