package org.opennrm.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
import org.opennrm.deadlines.internal.DeadlinesTestBeans;
import org.opennrm.i18n.Text;
import org.opennrm.notifications.Notification;
import org.opennrm.notifications.Notifications;
import org.opennrm.processes.ProcessTestSupport;
import org.opennrm.risk.RiskAssessmentProcess.Variables;
import org.opennrm.risk.internal.RiskAssessmentTestBeans;
import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.opennrm.risk.RiskAssessmentProcess.*;

/** One test per path of the joint risk assessment; the ratings combine in the real decision table. */
@Deployment(resources = { "processes/risk/RiskAssessment.bpmn", "processes/risk/AssessRiskAsPolice.form",
		"processes/risk/AssessRiskAsCaseManager.form", "processes/risk/CombinedRiskLevel.dmn",
		"processes/deadlines/DeadlineEscalation.bpmn", "processes/deadlines/FollowUpOverdueTask.form",
		"processes/deadlines/ReviewEscalatedCase.form" })
class RiskAssessmentProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension engine = ProcessTestSupport.engineWithCoverage();

	/** A Monday morning in Brussels. */
	static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

	/** risk-assessment in the CoE profile: 3 working days. */
	static final Instant DUE = Instant.parse("2026-03-05T09:00:00Z");

	/** The reminder comes at 80 % of the time. */
	static final Instant REMINDER = MONDAY.plus(Duration.between(MONDAY, DUE).multipliedBy(8).dividedBy(10));

	static final String REFERENCE = "TEST-2026-000001";

	final Map<String, Object> recorded = new HashMap<>();

	@BeforeEach
	void setUp() {
		ProcessTestSupport.clockAt(MONDAY);
		ProcessTestSupport.realDeadlines();
		ProcessTestSupport.noOpDelegate("remindOwner");
		ProcessTestSupport.escalationWithoutSideEffects();
		Mocks.register("riskAssessmentDeadlineMet", RiskAssessmentTestBeans.deadlineMet());
		Mocks.register("recordRiskAssessment", (JavaDelegate) execution -> {
			this.recorded.put(CaseVariables.CASE_ID, execution.getVariable(CaseVariables.CASE_ID));
			this.recorded.put(Variables.RISK_LEVEL, execution.getVariable(Variables.RISK_LEVEL));
		});
	}

	@AfterEach
	void tearDown() {
		ProcessTestSupport.resetClock();
		Mocks.reset();
	}

	@Test
	void police_and_the_case_manager_rate_the_risk_separately_and_the_higher_rating_is_recorded() {
		ProcessInstance assessment = start();
		assertThat(assessment).isWaitingAt(TASK_ASSESS_RISK_AS_POLICE, TASK_ASSESS_RISK_AS_CASE_MANAGER);
		assertThat(task(TASK_ASSESS_RISK_AS_POLICE, assessment)).hasCandidateGroup("police");
		assertThat(task(TASK_ASSESS_RISK_AS_CASE_MANAGER, assessment)).hasCandidateGroup("social");

		// The risk factors never reach the process: the task form sends them to the case file (RiskFactorsSink).
		complete(task(TASK_ASSESS_RISK_AS_POLICE, assessment), withVariables(Variables.RISK_RATING, "Low"));
		complete(task(TASK_ASSESS_RISK_AS_CASE_MANAGER, assessment), withVariables(Variables.RISK_RATING, "High"));

		assertThat(assessment).isWaitingAt(TASK_RECORD_RISK_ASSESSMENT).variables()
			.containsEntry(Variables.POLICE_RISK_RATING, "Low")
			.containsEntry(Variables.CASE_MANAGER_RISK_RATING, "High")
			.containsEntry(Variables.RISK_LEVEL, "High")
			.doesNotContainKeys(Variables.RISK_RATING, Variables.RISK_FACTORS, "policeRiskFactors",
					"caseManagerRiskFactors");
		execute(job(assessment));

		assertThat(assessment).isEnded().hasPassed(TASK_COMBINE_RISK_RATINGS, END_EVENT_RISK_ASSESSED);
		assertThat(this.recorded).containsEntry(CaseVariables.CASE_ID, "case-1").containsEntry(Variables.RISK_LEVEL, "High");
	}

	@Test
	void the_assessors_are_reminded_when_the_joint_deadline_is_close() {
		ProcessInstance assessment = start();
		ProcessTestSupport.clockAt(REMINDER.plusSeconds(1));
		execute(job(BOUNDARY_EVENT_ASSESSMENT_REMINDER, assessment));
		execute(job(TASK_REMIND_ASSESSMENT_OWNER, assessment));

		assertThat(assessment).hasPassed(END_EVENT_ASSESSMENT_OWNER_REMINDED)
			.isWaitingAt(TASK_ASSESS_RISK_AS_POLICE, TASK_ASSESS_RISK_AS_CASE_MANAGER);
	}

	@Test
	void a_missed_joint_deadline_escalates_and_the_escalation_closes_when_both_have_assessed() {
		ProcessInstance assessment = start();
		ProcessInstance escalation = missTheDeadline(assessment);

		rate(assessment, "Medium", "Low");

		assertThat(escalation).isEnded().hasPassed(DeadlineEscalationProcess.END_EVENT_ESCALATION_CLOSED);
		assertThat(assessment).hasPassed(END_EVENT_ASSESSMENT_ESCALATED).isWaitingAt(TASK_RECORD_RISK_ASSESSMENT)
			.variables()
			.containsEntry(Variables.RISK_LEVEL, "Medium");
	}

	@Test
	void a_supervisor_follows_up_a_missed_joint_deadline_and_a_late_follow_up_reaches_the_coordinator() {
		ProcessInstance assessment = start();
		ProcessInstance escalation = missTheDeadline(assessment);
		ProcessTestSupport.clockAt(DUE.plus(Duration.ofDays(5)));
		execute(job(DeadlineEscalationProcess.BOUNDARY_EVENT_FOLLOW_UP_OVERDUE, escalation));
		complete(task(DeadlineEscalationProcess.TASK_REVIEW_ESCALATED_CASE, escalation),
				withVariables("coordinatorAction", "AgencyContacted"));
		complete(task(DeadlineEscalationProcess.TASK_FOLLOW_UP_OVERDUE_TASK, escalation),
				withVariables("followUpAction", "OwnerContacted"));

		assertThat(escalation).isEnded().hasPassed(DeadlineEscalationProcess.END_EVENT_REVIEWED_BY_COORDINATOR,
				DeadlineEscalationProcess.END_EVENT_OVERDUE_TASK_FOLLOWED_UP);
		assertThat(assessment).hasPassed(END_EVENT_ASSESSMENT_ESCALATED)
			.isWaitingAt(TASK_ASSESS_RISK_AS_POLICE, TASK_ASSESS_RISK_AS_CASE_MANAGER);
	}

	@Test
	void a_missed_joint_deadline_is_named_for_people_by_the_sub_process_name_not_its_id() {
		Notifications notifications = mock(Notifications.class);
		Mocks.register("markOverdue",
				DeadlinesTestBeans.markOverdue(taskService(), notifications, mock(ApplicationEventPublisher.class)));
		ProcessInstance escalation = missTheDeadline(start());

		assertThat(escalation).variables()
			.containsEntry(DeadlineEscalationProcess.Variables.OVERDUE_TASK_NAME, "Assess risk together");
		verify(notifications).notifyGroups(eq(List.of("supervisor")), eq(REFERENCE),
				eq(Notification.Kind.DeadlineMissed), any(Text.class));
	}

	private ProcessInstance missTheDeadline(ProcessInstance assessment) {
		ProcessTestSupport.clockAt(DUE.plusSeconds(1));
		execute(job(BOUNDARY_EVENT_ASSESSMENT_OVERDUE, assessment));
		assertThat(assessment).isWaitingAt(CALL_ACTIVITY_ESCALATE_ASSESSMENT);
		ProcessInstance escalation = calledProcessInstance(DeadlineEscalationProcess.KEY, assessment);
		assertThat(escalation.getBusinessKey()).isEqualTo(REFERENCE);
		assertThat(escalation).variables()
			.containsEntry(DeadlineEscalationProcess.Variables.OVERDUE_TASK_KEY, SUB_PROCESS_ASSESS_RISK_TOGETHER)
			.containsEntry(DeadlineEscalationProcess.Variables.OVERDUE_PROCESS_INSTANCE_ID, assessment.getId())
			.containsEntry(DeadlineEscalationProcess.Variables.DEADLINE_CLOCK, CLOCK);
		execute(job(escalation));
		assertThat(escalation).isWaitingAt(DeadlineEscalationProcess.TASK_FOLLOW_UP_OVERDUE_TASK);
		return escalation;
	}

	private static void rate(ProcessInstance assessment, String police, String caseManager) {
		complete(task(TASK_ASSESS_RISK_AS_POLICE, assessment),
				withVariables(Variables.RISK_RATING, police));
		complete(task(TASK_ASSESS_RISK_AS_CASE_MANAGER, assessment),
				withVariables(Variables.RISK_RATING, caseManager));
	}

	private static ProcessInstance start() {
		return runtimeService().startProcessInstanceByKey(KEY, REFERENCE,
				withVariables(CaseVariables.CASE_ID, "case-1", CaseVariables.CASE_REFERENCE, REFERENCE, "jurisdiction", "coe",
						Variables.ASSESSMENT_REASON, "Placement"));
	}
}
