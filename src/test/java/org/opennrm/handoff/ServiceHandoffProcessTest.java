package org.opennrm.handoff;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.opennrm.handoff.ServiceHandoffProcess.*;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opennrm.processes.ProcessTestSupport;

@Deployment(resources = { "processes/handoff/ServiceHandoff.bpmn", "processes/handoff/RespondToReferral.form",
		"processes/handoff/ChooseAnotherProvider.form" })
class ServiceHandoffProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension engine = ProcessTestSupport.engineWithCoverage();

	@Test
	void the_receiving_agency_is_asked_first_and_an_acceptance_ends_the_hand_off() {
		ProcessInstance handoff = start("Shelter", "ngo");

		assertThat(handoff).isWaitingAt(TASK_RESPOND_TO_REFERRAL);
		assertThat(task(handoff)).hasCandidateGroup("ngo");
		complete(task(handoff), withVariables("referralAccepted", true));

		assertThat(handoff).isEnded().hasPassed(END_EVENT_HANDOFF_ACCEPTED);
		assertThat(handoff).variables().containsEntry(Variables.HANDOFF_OUTCOME, "Accepted");
	}

	@Test
	void a_decline_goes_back_to_the_referring_agency_which_offers_it_to_another_agency() {
		ProcessInstance handoff = start("Shelter", "ngo");
		complete(task(handoff), withVariables("referralAccepted", false, "declineReason", "NoCapacity"));

		assertThat(handoff).isWaitingAt(TASK_CHOOSE_ANOTHER_PROVIDER);
		assertThat(task(handoff)).hasCandidateGroup("social");
		complete(task(handoff), withVariables("withdrawHandoff", false, Variables.RECEIVING_AGENCY, "social"));

		assertThat(handoff).isWaitingAt(TASK_RESPOND_TO_REFERRAL);
		assertThat(task(handoff)).hasCandidateGroup("social");
		complete(task(handoff), withVariables("referralAccepted", true));
		assertThat(handoff).isEnded().variables().containsEntry(Variables.HANDOFF_OUTCOME, "Accepted");
	}

	@Test
	void the_referring_agency_can_withdraw_a_declined_hand_off() {
		ProcessInstance handoff = start("MedicalCare", "health");
		complete(task(handoff), withVariables("referralAccepted", false, "declineReason", "NotEligible"));
		complete(task(handoff), withVariables("withdrawHandoff", true));

		assertThat(handoff).isEnded().hasPassed(END_EVENT_HANDOFF_WITHDRAWN).hasNotPassed(END_EVENT_HANDOFF_ACCEPTED);
		assertThat(handoff).variables().containsEntry(Variables.HANDOFF_OUTCOME, "Withdrawn");
	}

	private static ProcessInstance start(String service, String receivingAgency) {
		return runtimeService().startProcessInstanceByKey(KEY, "TEST-2026-000002",
				withVariables(Variables.SERVICE, service, Variables.RECEIVING_AGENCY, receivingAgency,
						Variables.REFERRING_AGENCY, "social"));
	}
}
