package org.opennrm.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.opennrm.casework.NrmCaseProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opennrm.processes.ProcessTestSupport;

/**
 * One test per path of the case process. The processes it calls are replaced by stubs that wait in a user task, so
 * each test says what identification, the recovery period, child protection, the assistance plan and each hand-off
 * answered; those processes have their own tests.
 */
@Deployment(resources = { "processes/case/NrmCase.bpmn", "processes/case/OpenCase.form",
		"processes/case/RecordConsent.form", "processes/case/TakeStatement.form",
		"processes/case/AssessWitnessProtection.form", "processes/case/ReviewCaseForClosure.form",
		"processes/case/CloseAfterFollowUp.form" })
class NrmCaseProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension engine = ProcessTestSupport.engineWithCoverage();

	static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

	/** What the stubbed pathway bean answers. */
	boolean placementAllowed = true;

	boolean familyContactAllowed = true;

	String deployment;

	@BeforeEach
	void setUp() {
		ProcessTestSupport.clockAt(MONDAY);
		ProcessTestSupport.registerCaseMock();
		ProcessTestSupport.realDeadlines();
		for (String delegate : List.of("referToCaseManagement", "closeCase", "notifyAnonymously", "switchToAdultTrack",
				"startFollowUp")) {
			ProcessTestSupport.noOpDelegate(delegate);
		}
		Mocks.register("recordConsentDecisions", (org.camunda.bpm.engine.delegate.TaskListener) task -> {
		});
		Mocks.register("applyConsentWithdrawal", (org.camunda.bpm.engine.delegate.JavaDelegate) execution -> {
			if ("PoliceCooperation".equals(execution.getVariable(Variables.WITHDRAWN_PURPOSE))) {
				execution.getProcessEngineServices().getRuntimeService()
					.createMessageCorrelation(MESSAGE_POLICE_COOPERATION_WITHDRAWN)
					.processInstanceId(execution.getProcessInstanceId())
					.correlateAllWithResult();
			}
		});
		Mocks.register("pathway", new PathwayStub());
		this.deployment = repositoryService().createDeployment()
			.addModelInstance("VictimIdentification.bpmn", stub("VictimIdentification"))
			.addModelInstance("RecoveryPeriod.bpmn", stub("RecoveryPeriod"))
			.addModelInstance("FormalIdentification.bpmn", stub("FormalIdentification"))
			.addModelInstance("ChildProtection.bpmn", childProtectionStub())
			.addModelInstance("RiskAssessment.bpmn", stub("RiskAssessment"))
			.addModelInstance("AssistancePlan.bpmn", stub("AssistancePlan"))
			.addModelInstance("ServiceHandoff.bpmn", stub("ServiceHandoff"))
			.deploy()
			.getId();
	}

	@AfterEach
	void tearDown() {
		repositoryService().deleteDeployment(this.deployment, true);
		ProcessTestSupport.resetClock();
		Mocks.reset();
	}

	@Test
	void a_person_who_is_not_presumed_a_victim_has_the_case_closed_with_that_reason() {
		ProcessInstance caseProcess = open("Adult");
		answer("VictimIdentification", Map.of("presumedVictim", false));

		assertThat(caseProcess).isWaitingAt(TASK_CLOSE_CASE_NOT_PRESUMED);
		execute(job(caseProcess));
		assertThat(caseProcess).isEnded().hasPassed(END_EVENT_CASE_CLOSED_NOT_PRESUMED);
	}

	@Test
	void an_adult_who_declines_referral_is_notified_anonymously_and_the_case_closes() {
		ProcessInstance caseProcess = open("Adult");
		answer("VictimIdentification", Map.of("presumedVictim", true, "reasonableGrounds", "Positive"));

		assertThat(caseProcess).isWaitingAt(TASK_RECORD_CONSENT);
		assertThat(task(caseProcess)).hasCandidateGroup("police");
		complete(task(caseProcess), withVariables("consentToReferral", false));
		execute(job(caseProcess));
		execute(job(caseProcess));

		assertThat(caseProcess).isEnded().hasPassed(TASK_NOTIFY_ANONYMOUSLY, END_EVENT_CASE_CLOSED_REFERRAL_DECLINED)
			.hasNotPassed(TASK_REFER_TO_CASE_MANAGEMENT);
	}

	@Test
	void an_adult_who_consents_is_protected_assisted_and_identified_without_police_cooperation() {
		ProcessInstance caseProcess = referredAdult(false, "Positive");

		assertThat(caseProcess).isWaitingAt(CALL_ACTIVITY_RECOVERY_PERIOD, CALL_ACTIVITY_ASSESS_RISK_BEFORE_PLACEMENT)
			.hasNotPassed(SUB_PROCESS_COOPERATE_WITH_POLICE, CALL_ACTIVITY_PROTECT_CHILD);
		answer("RecoveryPeriod", Map.of());
		answer("FormalIdentification", Map.of("identified", true));
		answer("RiskAssessment", Map.of("riskLevel", "Medium"));
		answer("AssistancePlan", Map.of("plannedServices", List.of("Shelter", "MedicalCare", "LegalAid")));

		assertThat(caseProcess).isWaitingAt(CALL_ACTIVITY_HAND_OVER_SHELTER, CALL_ACTIVITY_HAND_OVER_SERVICES);
		assertThat(stubs("ServiceHandoff")).hasSize(3);
		while (!stubs("ServiceHandoff").isEmpty()) {
			answer("ServiceHandoff", Map.of("handoffOutcome", "Delivered"));
		}

		assertThat(caseProcess).isWaitingAt(TASK_REVIEW_CASE_FOR_CLOSURE);
		complete(task(caseProcess), withVariables(Variables.CASE_STATUS, "Closed", Variables.REASON_FOR_CASE_CLOSURE,
				"ServicesCompleted"));
		execute(job(caseProcess));
		assertThat(caseProcess).isEnded().hasPassed(END_EVENT_CASE_CLOSED, END_EVENT_ASSISTANCE_DELIVERED);
	}

	@Test
	void without_reasonable_grounds_there_is_no_recovery_period_and_assistance_still_runs() {
		ProcessInstance caseProcess = referredAdult(false, "Negative");

		assertThat(caseProcess).isWaitingAt(CALL_ACTIVITY_ASSESS_RISK_BEFORE_PLACEMENT)
			.hasNotPassed(CALL_ACTIVITY_RECOVERY_PERIOD);
	}

	@Test
	void police_cooperation_runs_only_with_consent_and_stops_when_it_is_withdrawn() {
		ProcessInstance caseProcess = referredAdult(true, "Positive");

		assertThat(caseProcess).isWaitingAt(TASK_TAKE_STATEMENT);
		assertThat(task(TASK_TAKE_STATEMENT, caseProcess)).hasCandidateGroup("police");
		runtimeService().createMessageCorrelation(MESSAGE_CONSENT_WITHDRAWN)
			.processInstanceBusinessKey(caseProcess.getBusinessKey())
			.setVariable(Variables.WITHDRAWN_PURPOSE, "PoliceCooperation")
			.setVariable(Variables.WITHDRAWN_RECIPIENT, null)
			.correlate();
		execute(job(TASK_STOP_WHAT_THE_WITHDRAWAL_COVERS, caseProcess));

		assertThat(caseProcess).hasPassed(END_EVENT_COOPERATION_STOPPED).isNotWaitingAt(TASK_TAKE_STATEMENT)
			.isWaitingAt(CALL_ACTIVITY_RECOVERY_PERIOD, CALL_ACTIVITY_ASSESS_RISK_BEFORE_PLACEMENT);
	}

	@Test
	void a_return_accepted_abroad_closes_the_case_as_referred_and_ends_every_running_stage() {
		ProcessInstance caseProcess = referredAdult(true, "Positive");
		assertThat(caseProcess).isWaitingAt(TASK_TAKE_STATEMENT, CALL_ACTIVITY_RECOVERY_PERIOD,
				CALL_ACTIVITY_ASSESS_RISK_BEFORE_PLACEMENT);

		runtimeService().createMessageCorrelation(MESSAGE_CASE_REFERRED_ABROAD)
			.processInstanceBusinessKey(caseProcess.getBusinessKey())
			.correlate();

		assertThat(caseProcess).isWaitingAt(TASK_CLOSE_CASE_REFERRED).isNotWaitingAt(TASK_TAKE_STATEMENT);
		assertThat(stubs("RecoveryPeriod")).as("the called stages end with the case").isEmpty();
		assertThat(stubs("RiskAssessment")).isEmpty();
		List<String> closedWith = new java.util.ArrayList<>();
		Mocks.register("closeCase", (org.camunda.bpm.engine.delegate.JavaDelegate) execution -> closedWith
			.add(execution.getVariable(Variables.CASE_STATUS) + "/" + execution.getVariable(Variables.REASON_FOR_CASE_CLOSURE)));
		execute(job(TASK_CLOSE_CASE_REFERRED, caseProcess));

		assertThat(closedWith).containsExactly("ClosedReferred/ReferredElsewhere");

		assertThat(caseProcess).isEnded().hasPassed(START_EVENT_CASE_REFERRED_ABROAD, END_EVENT_CASE_CLOSED_REFERRED)
			.hasNotPassed(TASK_REVIEW_CASE_FOR_CLOSURE);
	}

	@Test
	void a_cooperating_person_gives_a_statement_and_witness_protection_is_assessed() {
		ProcessInstance caseProcess = referredAdult(true, "Positive");

		complete(task(TASK_TAKE_STATEMENT, caseProcess), withVariables("statementTaken", true));
		complete(task(TASK_ASSESS_WITNESS_PROTECTION, caseProcess), withVariables("witnessProtectionNeeded", false));

		assertThat(caseProcess).hasPassed(TASK_ASSESS_WITNESS_PROTECTION).hasNotPassed(END_EVENT_COOPERATION_STOPPED);
	}

	@Test
	void a_withdrawal_of_sharing_consent_never_stops_the_persons_services() {
		ProcessInstance caseProcess = referredAdult(false, "Positive");
		runtimeService().createMessageCorrelation(MESSAGE_CONSENT_WITHDRAWN)
			.processInstanceBusinessKey(caseProcess.getBusinessKey())
			.setVariable(Variables.WITHDRAWN_PURPOSE, "SharingWithAgency")
			.setVariable(Variables.WITHDRAWN_RECIPIENT, "health")
			.correlate();
		execute(job(TASK_STOP_WHAT_THE_WITHDRAWAL_COVERS, caseProcess));

		assertThat(caseProcess).isWaitingAt(CALL_ACTIVITY_RECOVERY_PERIOD, CALL_ACTIVITY_ASSESS_RISK_BEFORE_PLACEMENT);
	}

	@Test
	void a_child_is_referred_without_own_consent_and_placement_waits_for_the_best_interests_determination() {
		ProcessInstance caseProcess = open("Child");
		answer("VictimIdentification", Map.of("presumedVictim", true, "reasonableGrounds", "Positive"));
		assertThat(caseProcess).isWaitingAt(TASK_REFER_TO_CASE_MANAGEMENT).hasNotPassed(TASK_RECORD_CONSENT);
		execute(job(caseProcess));

		assertThat(caseProcess).isWaitingAt(CALL_ACTIVITY_PROTECT_CHILD, CALL_ACTIVITY_ASSESS_RISK_BEFORE_PLACEMENT)
			.hasNotPassed(SUB_PROCESS_COOPERATE_WITH_POLICE);
		answer("RiskAssessment", Map.of("riskLevel", "High"));
		answer("AssistancePlan", Map.of("plannedServices", List.of("Shelter", "FamilyContact")));

		assertThat(caseProcess).isWaitingAt(EVENT_PLACEMENT_ALLOWED, EVENT_FAMILY_CONTACT_ALLOWED);
		runtimeService().setVariable(caseProcess.getId(), Variables.BEST_INTERESTS_DETERMINED, true);

		assertThat(caseProcess).isWaitingAt(CALL_ACTIVITY_HAND_OVER_SHELTER, CALL_ACTIVITY_HAND_OVER_FAMILY_CONTACT);
	}

	@Test
	void a_child_whose_family_may_be_involved_gets_no_family_contact_and_no_unsafe_placement() {
		this.familyContactAllowed = false;
		this.placementAllowed = false;
		ProcessInstance caseProcess = runtimeService().createProcessInstanceByKey(KEY)
			.startBeforeActivity(CALL_ACTIVITY_PLAN_ASSISTANCE)
			.businessKey("TEST-2026-000009")
			.setVariables(withVariables("caseId", "case-9", "caseReference", "TEST-2026-000009", "jurisdiction", "coe",
					Variables.IS_CHILD, true, Variables.BEST_INTERESTS_DETERMINED, true))
			.execute();
		answer("AssistancePlan", Map.of("plannedServices", List.of("Shelter", "FamilyContact")));

		assertThat(caseProcess).hasPassed(EVENT_PLACEMENT_ALLOWED, EVENT_FAMILY_CONTACT_ALLOWED)
			.hasNotPassed(CALL_ACTIVITY_HAND_OVER_SHELTER, CALL_ACTIVITY_HAND_OVER_FAMILY_CONTACT)
			.hasPassed(END_EVENT_ASSISTANCE_DELIVERED);
	}

	@Test
	void an_age_assessment_that_finds_an_adult_switches_to_the_adult_track_with_the_persons_own_consent() {
		ProcessInstance caseProcess = open("Uncertain");
		answer("VictimIdentification", Map.of("presumedVictim", true, "reasonableGrounds", "Positive"));
		execute(job(caseProcess));
		Task childTask = stubs("ChildProtection").get(0);
		complete(childTask, withVariables("adult", true));

		assertThat(caseProcess).isWaitingAt(TASK_SWITCH_TO_ADULT_TRACK, CALL_ACTIVITY_ASSESS_RISK_BEFORE_PLACEMENT);
		execute(job(TASK_SWITCH_TO_ADULT_TRACK, caseProcess));
		assertThat(caseProcess).isWaitingAt(TASK_RECORD_ADULT_CONSENT, CALL_ACTIVITY_ASSESS_RISK_BEFORE_PLACEMENT);
		assertThat(task(TASK_RECORD_ADULT_CONSENT, caseProcess)).hasCandidateGroup("social");
		complete(task(TASK_RECORD_ADULT_CONSENT, caseProcess), withVariables("consentToReferral", true,
				"consentToServices", true, "consentToPoliceCooperation", false));
		assertThat(caseProcess).hasPassed(TASK_RECORD_ADULT_CONSENT).isWaitingAt(CALL_ACTIVITY_ASSESS_RISK_BEFORE_PLACEMENT);
	}

	@Test
	void a_child_protected_in_full_joins_the_rest_of_the_case() {
		ProcessInstance caseProcess = open("Child");
		answer("VictimIdentification", Map.of("presumedVictim", true, "reasonableGrounds", "Negative"));
		execute(job(caseProcess));
		complete(stubs("ChildProtection").get(0), withVariables("adult", false));

		assertThat(caseProcess).hasPassed(CALL_ACTIVITY_PROTECT_CHILD).hasNotPassed(TASK_SWITCH_TO_ADULT_TRACK);
	}

	@Test
	void risk_is_reassessed_periodically_while_assistance_runs() {
		ProcessInstance caseProcess = referredAdult(false, "Positive");
		ProcessTestSupport.clockAt(MONDAY.plus(Duration.ofDays(91)));
		Job due = runtimeService().createProcessInstanceQuery().processInstanceId(caseProcess.getId()).count() > 0
				? org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService().createJobQuery()
					.processInstanceId(caseProcess.getId()).timers().singleResult()
				: null;
		assertThat(due).isNotNull();
		execute(due);

		assertThat(caseProcess).isWaitingAt(CALL_ACTIVITY_REASSESS_RISK);
	}

	@Test
	void a_case_can_be_followed_up_before_final_closure() {
		ProcessInstance caseProcess = runtimeService().createProcessInstanceByKey(KEY)
			.startBeforeActivity(TASK_REVIEW_CASE_FOR_CLOSURE)
			.businessKey("TEST-2026-000010")
			.setVariables(withVariables("caseId", "case-10", "caseReference", "TEST-2026-000010", "jurisdiction", "coe"))
			.execute();
		complete(task(caseProcess), withVariables(Variables.CASE_STATUS, "FollowUp"));
		execute(job(caseProcess));
		assertThat(caseProcess).isWaitingAt(EVENT_FOLLOW_UP_PERIOD_ENDS);

		ProcessTestSupport.clockAt(MONDAY.plus(Duration.ofDays(91)));
		execute(job(caseProcess));
		assertThat(caseProcess).isWaitingAt(TASK_CLOSE_AFTER_FOLLOW_UP);
		complete(task(caseProcess), withVariables(Variables.CASE_STATUS, "ClosedReferred",
				Variables.REASON_FOR_CASE_CLOSURE, "ReferredElsewhere"));
		execute(job(caseProcess));

		assertThat(caseProcess).isEnded().hasPassed(TASK_START_FOLLOW_UP, END_EVENT_CASE_CLOSED);
	}

	// ---- helpers ----

	private ProcessInstance referredAdult(boolean cooperatesWithPolice, String reasonableGrounds) {
		ProcessInstance caseProcess = open("Adult");
		answer("VictimIdentification", Map.of("presumedVictim", true, "reasonableGrounds", reasonableGrounds));
		complete(task(caseProcess), withVariables("consentToReferral", true, "consentToServices", true,
				"consentToShareWith", List.of("social", "health"), "consentToPoliceCooperation", cooperatesWithPolice));
		execute(job(caseProcess));
		return caseProcess;
	}

	private static ProcessInstance open(String ageGroup) {
		boolean child = !"Adult".equals(ageGroup);
		return runtimeService().startProcessInstanceByKey(KEY,
				withVariables("referringAgency", "police", "contactSetting", "PoliceOperation", "ageGroup", ageGroup,
						"suspectedExploitation", "LabourExploitation", "foreignNational", true, "interpreterNeeded",
						false, "jurisdiction", "coe", Variables.IS_CHILD, child, Variables.AGE_UNCERTAIN,
						"Uncertain".equals(ageGroup), Variables.COMPETENT_AUTHORITY, "authority"));
	}

	/** Completes the waiting stub of a called process with the variables it returns. */
	private static void answer(String calledProcess, Map<String, Object> outcome) {
		List<Task> waiting = stubs(calledProcess);
		assertThat(waiting).as("a waiting %s", calledProcess).isNotEmpty();
		complete(waiting.get(0), outcome);
	}

	private static List<Task> stubs(String calledProcess) {
		return taskQuery().processDefinitionKey(calledProcess).list();
	}

	/** A called process that waits in one user task and copies its completion's variables to the caller. */
	private static BpmnModelInstance stub(String key) {
		BpmnModelInstance model = Bpmn.createExecutableProcess(key)
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.userTask("Stub_" + key)
			.endEvent()
			.done();
		return model;
	}

	/** Child protection ends normally, or with the error an age assessment that finds an adult throws. */
	private static BpmnModelInstance childProtectionStub() {
		return Bpmn.createExecutableProcess("ChildProtection")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.userTask("Stub_ChildProtection")
			.exclusiveGateway()
			.condition("adult", "${adult}")
			.endEvent()
			.error(ERROR_ASSESSED_AS_ADULT)
			.moveToLastGateway()
			.condition("child", "${!adult}")
			.endEvent()
			.done();
	}

	/** The registry-backed routing rules, answered by the test. */
	public class PathwayStub {

		public List<String> servicesWithoutGate(java.util.Collection<?> planned) {
			return planned.stream().map(String::valueOf).filter(s -> !s.equals("Shelter") && !s.equals("FamilyContact"))
				.toList();
		}

		public boolean placementAllowed(String caseId) {
			return NrmCaseProcessTest.this.placementAllowed;
		}

		public boolean familyContactAllowed(String caseId) {
			return NrmCaseProcessTest.this.familyContactAllowed;
		}
	}
}
