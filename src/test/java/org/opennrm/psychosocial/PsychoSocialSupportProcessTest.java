package org.opennrm.psychosocial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.opennrm.psychosocial.PsychoSocialSupportProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opennrm.cases.CaseVariables;
import org.opennrm.deadlines.Deadlines;
import org.opennrm.processes.ProcessTestSupport;
import org.opennrm.psychosocial.PsychoSocialSupportProcess.Variables;

/** One test per path of the psycho-social support, the periodic review on the engine clock. */
@Deployment(resources = { "processes/psychosocial/PsychoSocialSupport.bpmn",
		"processes/psychosocial/AssessPsychoSocialNeeds.form", "processes/psychosocial/AgreeSupportPlan.form",
		"processes/psychosocial/RecordSupportSession.form", "processes/psychosocial/HandOverSupport.form",
		"processes/psychosocial/ReviewSupportProgress.form" })
class PsychoSocialSupportProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension engine = ProcessTestSupport.engineWithCoverage();

	/** A Monday morning in Brussels. */
	static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

	static final String REFERENCE = "TEST-2026-000003";

	@BeforeEach
	void setUp() {
		ProcessTestSupport.clockAt(MONDAY);
		ProcessTestSupport.realDeadlines();
	}

	@AfterEach
	void tearDown() {
		ProcessTestSupport.resetClock();
		Mocks.reset();
	}

	@Test
	void the_provider_assesses_the_needs_agrees_a_plan_and_holds_sessions_until_the_support_ends_as_planned() {
		ProcessInstance support = start();

		assertThat(support).isWaitingAt(TASK_ASSESS_PSYCHO_SOCIAL_NEEDS);
		assertThat(task(support)).hasCandidateGroup("ngo");
		complete(task(support), withVariables("assessmentReference", "PSS/2026/0042"));

		assertThat(support).isWaitingAt(TASK_AGREE_SUPPORT_PLAN);
		assertThat(task(support)).hasCandidateGroup("ngo");
		complete(task(support), withVariables("plannedSessions", 6, "planReference", "PSS/2026/0042/plan"));

		assertThat(support).isWaitingAt(TASK_RECORD_SUPPORT_SESSION);
		complete(task(support), withVariables("sessionHeld", true, "nextStep", "Continue", "sessionReference", "S1"));
		assertThat(support).isWaitingAt(TASK_RECORD_SUPPORT_SESSION);
		assertThat(task(support)).hasCandidateGroup("ngo");
		complete(task(support), withVariables("sessionHeld", false, "nextStep", "PlannedEnding", "sessionReference", null));

		assertThat(support).isEnded().hasPassed(END_EVENT_SUPPORT_ENDED_AS_PLANNED).hasNotPassed(TASK_HAND_OVER_SUPPORT);
		assertThat(support).variables().containsEntry(Variables.SUPPORT_OUTCOME, "EndedAsPlanned");
	}

	@Test
	void the_provider_can_hand_the_support_over_to_another_agency() {
		ProcessInstance support = startAt(TASK_RECORD_SUPPORT_SESSION);
		complete(task(support), withVariables("sessionHeld", true, "nextStep", "HandOver", "sessionReference", null));

		assertThat(support).isWaitingAt(TASK_HAND_OVER_SUPPORT);
		assertThat(task(support)).hasCandidateGroup("ngo");
		complete(task(support), withVariables(Variables.HAND_OVER_TO, "health"));

		assertThat(support).isEnded().hasPassed(END_EVENT_SUPPORT_HANDED_OVER);
		assertThat(support).variables()
			.containsEntry(Variables.SUPPORT_OUTCOME, "HandedOver")
			.containsEntry(Variables.HAND_OVER_TO, "health");
	}

	@Test
	void the_provider_reviews_the_support_at_each_review_interval_while_it_goes_on() {
		ProcessInstance support = start();
		Job firstReview = job(START_EVENT_SUPPORT_REVIEW_DUE, support);
		assertThat(firstReview.getDuedate()).isEqualTo(Date.from(MONDAY.plus(Duration.ofDays(30))));

		ProcessTestSupport.clockAt(MONDAY.plus(Duration.ofDays(30)).plusSeconds(1));
		execute(firstReview);

		assertThat(support).isWaitingAt(TASK_ASSESS_PSYCHO_SOCIAL_NEEDS, TASK_REVIEW_SUPPORT_PROGRESS);
		assertThat(task(TASK_REVIEW_SUPPORT_PROGRESS, support)).hasCandidateGroup("ngo");
		complete(task(TASK_REVIEW_SUPPORT_PROGRESS, support),
				withVariables("progress", "Improving", "adjustPlan", false));

		assertThat(support).hasPassed(END_EVENT_SUPPORT_REVIEWED).isWaitingAt(TASK_ASSESS_PSYCHO_SOCIAL_NEEDS);
		assertThat(managementService().createJobQuery().processInstanceId(support.getId()).singleResult().getDuedate())
			.as("the next review").isEqualTo(Date.from(MONDAY.plus(Duration.ofDays(60))));
	}

	@Test
	void the_review_ends_with_the_support() {
		ProcessInstance support = startAt(TASK_RECORD_SUPPORT_SESSION);
		complete(task(support), withVariables("sessionHeld", true, "nextStep", "PlannedEnding", "sessionReference", null));

		assertThat(support).isEnded();
		assertThat(managementService().createJobQuery().processInstanceId(support.getId()).count()).isZero();
		assertThat(taskQuery().processInstanceId(support.getId()).count()).isZero();
	}

	private static ProcessInstance start() {
		return runtimeService().startProcessInstanceByKey(KEY, REFERENCE, variables());
	}

	private static ProcessInstance startAt(String activity) {
		return runtimeService().createProcessInstanceByKey(KEY)
			.businessKey(REFERENCE)
			.startBeforeActivity(activity)
			.setVariables(variables())
			.execute();
	}

	private static Map<String, Object> variables() {
		return Map.of(CaseVariables.CASE_ID, "case-1", CaseVariables.CASE_REFERENCE, REFERENCE, Deadlines.JURISDICTION,
				"coe", Variables.PROVIDER, "ngo");
	}
}
