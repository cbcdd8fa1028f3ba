package org.opennrm.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.opennrm.referral.CaseReferralProcess.*;

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
import org.opennrm.handoff.ServiceHandoffProcess;
import org.opennrm.processes.ProcessTestSupport;

/** One test per path of the case referral; hand-offs run in the real hand-off process. */
@Deployment(resources = { "processes/referral/CaseReferral.bpmn", "processes/referral/OpenCase.form",
		"processes/referral/ScreenIndicators.form", "processes/referral/AssessImmediateNeeds.form",
		"processes/referral/ReviewCase.form", "processes/handoff/ServiceHandoff.bpmn",
		"processes/handoff/RespondToReferral.form", "processes/handoff/ChooseAnotherProvider.form" })
class CaseReferralProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension engine = ProcessTestSupport.engineWithCoverage();

	@BeforeEach
	void mockDelegates() {
		ProcessTestSupport.registerCaseMock();
		ProcessTestSupport.noOpDelegate("referToCaseManagement");
		ProcessTestSupport.noOpDelegate("closeCase");
	}

	@AfterEach
	void reset() {
		Mocks.reset();
	}

	@Test
	void opening_a_case_registers_it_and_asks_the_referring_agency_to_screen() {
		ProcessInstance instance = open("police");

		assertThat(instance).isWaitingAt(TASK_SCREEN_INDICATORS).hasVariables(CaseVariables.CASE_ID,
				CaseVariables.CASE_REFERENCE);
		assertThat(instance.getBusinessKey()).startsWith("TEST-2026-")
			.isEqualTo(ProcessTestSupport.businessKeyOf(instance.getId()));
		assertThat(task(instance)).hasCandidateGroup("police").hasFormKey(null);
	}

	@Test
	void a_presumed_victim_is_referred_handed_over_to_both_services_and_the_case_closed() {
		ProcessInstance instance = open("ngo");
		complete(task(instance), withVariables(Variables.PRESUMED_VICTIM, true));
		assertThat(instance).isWaitingAt(TASK_REFER_TO_CASE_MANAGEMENT);
		execute(job(instance));

		assertThat(instance).isWaitingAt(TASK_ASSESS_IMMEDIATE_NEEDS);
		assertThat(task(instance)).hasCandidateGroup(CASE_MANAGEMENT_AGENCY);
		complete(task(instance), withVariables("needsShelter", true, "needsMedicalCheck", true));

		assertThat(instance).isWaitingAt(CALL_ACTIVITY_SHELTER_HANDOFF, CALL_ACTIVITY_MEDICAL_HANDOFF);
		acceptHandoffTo("ngo", instance);
		acceptHandoffTo("health", instance);

		assertThat(instance).isWaitingAt(TASK_REVIEW_CASE).variables()
			.containsEntry(Variables.SHELTER_HANDOFF_OUTCOME, "Accepted")
			.containsEntry(Variables.MEDICAL_HANDOFF_OUTCOME, "Accepted");
		complete(task(instance), withVariables(Variables.CASE_STATUS, "ClosedReferred", Variables.REASON_FOR_CASE_CLOSURE,
				"ReferredElsewhere"));
		execute(job(instance));

		assertThat(instance).hasPassed(TASK_CLOSE_CASE).isEnded().hasPassed(END_EVENT_CASE_CLOSED);
	}

	@Test
	void a_screen_without_a_presumed_victim_closes_the_case_with_its_reason() {
		ProcessInstance instance = open("police");
		complete(task(instance), withVariables(Variables.PRESUMED_VICTIM, false, "reasonNotPresumed", "OtherCrime"));

		assertThat(instance).isWaitingAt(TASK_CLOSE_CASE_NOT_PRESUMED);
		execute(job(instance));

		assertThat(instance).isEnded().hasPassed(END_EVENT_CASE_CLOSED_NOT_PRESUMED).hasNotPassed(
				TASK_REFER_TO_CASE_MANAGEMENT);
		assertThat(instance).variables().containsEntry("reasonNotPresumed", "OtherCrime");
	}

	@Test
	void closing_a_not_presumed_case_records_the_closure_status_and_reason() {
		Map<String, Object> seen = new java.util.HashMap<>();
		Mocks.register("closeCase", (org.camunda.bpm.engine.delegate.JavaDelegate) execution -> {
			seen.put(Variables.CASE_STATUS, execution.getVariable(Variables.CASE_STATUS));
			seen.put(Variables.REASON_FOR_CASE_CLOSURE, execution.getVariable(Variables.REASON_FOR_CASE_CLOSURE));
		});
		ProcessInstance instance = runtimeService().createProcessInstanceByKey(KEY)
			.startBeforeActivity(TASK_CLOSE_CASE_NOT_PRESUMED)
			.setVariables(Map.of(CaseVariables.CASE_ID, "case-1"))
			.execute();
		execute(job(instance));

		assertThat(instance).isEnded();
		assertThat(seen).containsEntry(Variables.CASE_STATUS, "Closed")
			.containsEntry(Variables.REASON_FOR_CASE_CLOSURE, "NotPresumedVictim");
	}

	@Test
	void when_no_service_is_needed_the_case_goes_straight_to_review() {
		ProcessInstance instance = startAt(TASK_ASSESS_IMMEDIATE_NEEDS);
		complete(task(instance), withVariables("needsShelter", false, "needsMedicalCheck", false));

		assertThat(instance).isWaitingAt(TASK_REVIEW_CASE).hasNotPassed(CALL_ACTIVITY_SHELTER_HANDOFF,
				CALL_ACTIVITY_MEDICAL_HANDOFF);
	}

	@Test
	void when_only_shelter_is_needed_only_the_shelter_hand_off_runs() {
		ProcessInstance instance = startAt(TASK_ASSESS_IMMEDIATE_NEEDS);
		complete(task(instance), withVariables("needsShelter", true, "needsMedicalCheck", false));

		assertThat(instance).isWaitingAt(CALL_ACTIVITY_SHELTER_HANDOFF).isNotWaitingAt(CALL_ACTIVITY_MEDICAL_HANDOFF);
		ProcessInstance handoff = calledProcessInstance(ServiceHandoffProcess.KEY, instance);
		assertThat(handoff).variables()
			.containsEntry(ServiceHandoffProcess.Variables.SERVICE, "Shelter")
			.containsEntry(ServiceHandoffProcess.Variables.RECEIVING_AGENCY, "ngo")
			.containsEntry(ServiceHandoffProcess.Variables.REFERRING_AGENCY, CASE_MANAGEMENT_AGENCY)
			.containsEntry(CaseVariables.CASE_ID, "case-1");
	}

	@Test
	void a_withdrawn_hand_off_still_reaches_the_case_review() {
		ProcessInstance instance = startAt(TASK_ASSESS_IMMEDIATE_NEEDS);
		complete(task(instance), withVariables("needsShelter", false, "needsMedicalCheck", true));
		ProcessInstance handoff = calledProcessInstance(ServiceHandoffProcess.KEY, instance);
		complete(task(handoff), withVariables("referralAccepted", false, "declineReason", "NoCapacity"));
		complete(task(handoff), withVariables("withdrawHandoff", true));

		assertThat(instance).isWaitingAt(TASK_REVIEW_CASE).variables().containsEntry(Variables.MEDICAL_HANDOFF_OUTCOME,
				"Withdrawn");
	}

	private static ProcessInstance open(String agency) {
		return runtimeService().startProcessInstanceByKey(KEY,
				withVariables(Variables.REFERRING_AGENCY, agency, "contactSetting", "Outreach", "childSuspected", false,
						"interpreterNeeded", false));
	}

	private static ProcessInstance startAt(String activity) {
		return runtimeService().createProcessInstanceByKey(KEY)
			.startBeforeActivity(activity)
			.businessKey("TEST-2026-000001")
			.setVariables(Map.of(CaseVariables.CASE_ID, "case-1", CaseVariables.CASE_REFERENCE, "TEST-2026-000001"))
			.execute();
	}

	private static void acceptHandoffTo(String agency, ProcessInstance parent) {
		ProcessInstance handoff = runtimeService().createProcessInstanceQuery()
			.superProcessInstanceId(parent.getId())
			.variableValueEquals(ServiceHandoffProcess.Variables.RECEIVING_AGENCY, agency)
			.singleResult();
		assertThat(task(handoff)).hasCandidateGroup(agency);
		assertThat(handoff.getBusinessKey()).isEqualTo(ProcessTestSupport.businessKeyOf(parent.getId()));
		complete(task(handoff), withVariables("referralAccepted", true));
		assertThat(handoff).isEnded();
	}
}
