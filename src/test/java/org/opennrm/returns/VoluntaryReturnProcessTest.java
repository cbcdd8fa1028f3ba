package org.opennrm.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.opennrm.returns.VoluntaryReturnProcess.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opennrm.cases.AgeGroup;
import org.opennrm.cases.BestInterests;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.opennrm.cases.PersonStatus;
import org.opennrm.cases.Protection;
import org.opennrm.processes.ProcessTestSupport;
import org.opennrm.returns.VoluntaryReturnProcess.Variables;
import org.opennrm.returns.internal.VoluntaryReturnTestBeans;

/**
 * One test per path of a voluntary return. The registry is a mock; the listeners that read the protection from
 * removal and the best interests from it are the real ones. The pre-return risk assessment is a stub
 * ({@code RiskAssessmentStub.bpmn}, a test resource) that answers with the risk level the test gives.
 */
@Deployment(resources = { "processes/return/VoluntaryReturn.bpmn", "processes/return/RecordReturnConsent.form",
		"processes/return/ArrangeReceivingPartner.form", "processes/return/ConfirmDeparture.form",
		"org/opennrm/returns/RiskAssessmentStub.bpmn" })
class VoluntaryReturnProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension engine = ProcessTestSupport.engineWithCoverage();

	static final String REFERENCE = "TEST-2026-000001";

	static final String STUB_TASK = "Task_AnswerRiskLevel";

	final Cases cases = mock(Cases.class);

	final List<String> blockedNotices = new ArrayList<>();

	@BeforeEach
	void setUp() {
		Mocks.register("readRemovalProtection", VoluntaryReturnTestBeans.readRemovalProtection(this.cases));
		Mocks.register("readReturnBestInterests", VoluntaryReturnTestBeans.readReturnBestInterests(this.cases));
		Mocks.register("recordBlockedRemoval", (JavaDelegate) execution -> this.blockedNotices.add(
				execution.getVariable(Variables.REQUESTING_AGENCY) + "/" + execution.getVariable(CaseVariables.CASE_REFERENCE)));
		registry(adult(Protection.None));
	}

	@AfterEach
	void tearDown() {
		Mocks.reset();
	}

	/** Every protection that blocks removal: pending identification, the recovery period and the ones after it. */
	static Stream<Protection> protectionsFromRemoval() {
		return Arrays.stream(Protection.values()).filter(Protection::blocksRemoval);
	}

	@ParameterizedTest
	@MethodSource("protectionsFromRemoval")
	void a_return_requested_while_the_person_is_protected_is_blocked_and_no_return_task_is_ever_created(
			Protection protection) {
		registry(adult(protection));

		ProcessInstance request = request();

		assertThat(request).isWaitingAt(TASK_RECORD_BLOCKED_REMOVAL).variables()
			.containsEntry(Variables.REMOVAL_BLOCKED, true);
		execute(job(request));
		assertThat(request).isEnded().hasPassed(END_EVENT_RETURN_BLOCKED).hasNotPassed(TASK_RECORD_RETURN_CONSENT,
				CALL_ACTIVITY_PRE_RETURN_RISK_ASSESSMENT, TASK_ARRANGE_RECEIVING_PARTNER, TASK_CONFIRM_DEPARTURE);
		assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(request.getId()).count()).isZero();
		assertThat(this.blockedNotices).containsExactly("police/" + REFERENCE);
	}

	@Test
	void an_adult_who_consents_and_is_not_at_high_risk_returns_through_a_receiving_partner() {
		ProcessInstance request = request();
		assertThat(request).isWaitingAt(TASK_RECORD_RETURN_CONSENT).variables()
			.containsEntry(Variables.REMOVAL_BLOCKED, false)
			.containsEntry(Variables.IS_CHILD, false)
			.containsEntry("jurisdiction", "coe");
		assertThat(task(request)).hasCandidateGroup("social");
		complete(task(request), withVariables(Variables.RETURN_CONSENTED, true, Variables.CONSENT_GIVEN_BY, "Person"));

		ProcessInstance assessment = calledProcessInstance("RiskAssessment", request);
		assertThat(assessment.getBusinessKey()).isEqualTo(REFERENCE);
		assertThat(assessment).variables().containsEntry("assessmentReason", "Return")
			.containsEntry(CaseVariables.CASE_ID, "case-1")
			.containsEntry("jurisdiction", "coe");
		complete(task(assessment), withVariables(Variables.RISK_LEVEL, "Medium"));

		assertThat(request).isWaitingAt(TASK_ARRANGE_RECEIVING_PARTNER);
		assertThat(task(request)).hasCandidateGroup("social");
		complete(task(request),
				withVariables(Variables.RECEIVING_PARTNER_CONFIRMED, true, Variables.RECEIVING_COUNTRY, "AL"));
		assertThat(task(request)).hasDefinitionKey(TASK_CONFIRM_DEPARTURE).hasCandidateGroup("social");
		complete(task(request), withVariables(Variables.DEPARTED, true));

		assertThat(request).isEnded().hasPassed(END_EVENT_PERSON_RETURNED);
		assertThat(this.blockedNotices).isEmpty();
	}

	@Test
	void without_consent_there_is_no_return() {
		ProcessInstance request = request();
		complete(task(request), withVariables(Variables.RETURN_CONSENTED, false, Variables.CONSENT_GIVEN_BY, "Person"));

		assertThat(request).isEnded().hasPassed(END_EVENT_RETURN_NOT_CONSENTED)
			.hasNotPassed(CALL_ACTIVITY_PRE_RETURN_RISK_ASSESSMENT);
	}

	@Test
	void a_high_risk_makes_a_return_unsafe() {
		ProcessInstance request = startAt(CALL_ACTIVITY_PRE_RETURN_RISK_ASSESSMENT);
		complete(task(calledProcessInstance("RiskAssessment", request)), withVariables(Variables.RISK_LEVEL, "High"));

		assertThat(request).isEnded().hasPassed(END_EVENT_RETURN_NOT_SAFE).hasNotPassed(TASK_ARRANGE_RECEIVING_PARTNER);
	}

	@Test
	void a_child_does_not_return_when_the_best_interests_determination_says_a_return_does_not_serve_them() {
		registry(child(new BestInterests(true, false, false, Instant.EPOCH)));
		ProcessInstance request = startAt(CALL_ACTIVITY_PRE_RETURN_RISK_ASSESSMENT);
		complete(task(calledProcessInstance("RiskAssessment", request)), withVariables(Variables.RISK_LEVEL, "Low"));

		assertThat(request).isEnded().hasPassed(END_EVENT_RETURN_NOT_SAFE).variables()
			.containsEntry(Variables.IS_CHILD, true)
			.containsEntry(Variables.RETURN_IN_BEST_INTERESTS, false);
	}

	@Test
	void a_child_without_a_best_interests_determination_does_not_return() {
		registry(child(null));
		ProcessInstance request = startAt(CALL_ACTIVITY_PRE_RETURN_RISK_ASSESSMENT);
		complete(task(calledProcessInstance("RiskAssessment", request)), withVariables(Variables.RISK_LEVEL, "Low"));

		assertThat(request).isEnded().hasPassed(END_EVENT_RETURN_NOT_SAFE);
	}

	@Test
	void a_child_returns_when_a_return_is_in_their_best_interests_and_not_at_high_risk() {
		registry(child(new BestInterests(false, true, true, Instant.EPOCH)));
		ProcessInstance request = startAt(CALL_ACTIVITY_PRE_RETURN_RISK_ASSESSMENT);
		complete(task(calledProcessInstance("RiskAssessment", request)), withVariables(Variables.RISK_LEVEL, "Medium"));

		assertThat(request).isWaitingAt(TASK_ARRANGE_RECEIVING_PARTNER);
	}

	@Test
	void a_cancelled_departure_ends_the_return() {
		ProcessInstance request = startAt(TASK_CONFIRM_DEPARTURE);
		complete(task(request), withVariables(Variables.DEPARTED, false));

		assertThat(request).isEnded().hasPassed(END_EVENT_RETURN_CANCELLED).hasNotPassed(END_EVENT_PERSON_RETURNED);
	}

	@Test
	void protection_from_removal_that_begins_during_a_return_stops_it() {
		ProcessInstance request = request();
		assertThat(request).isWaitingAt(TASK_RECORD_RETURN_CONSENT);

		runtimeService().createMessageCorrelation(MESSAGE_REMOVAL_PROTECTION_BEGAN)
			.processInstanceBusinessKey(REFERENCE)
			.correlateAll();
		assertThat(request).isWaitingAt(TASK_RECORD_STOPPED_RETURN);
		execute(job(request));

		assertThat(request).isEnded().hasPassed(END_EVENT_RETURN_STOPPED)
			.hasNotPassed(CALL_ACTIVITY_PRE_RETURN_RISK_ASSESSMENT);
		assertThat(this.blockedNotices).containsExactly("police/" + REFERENCE);
	}

	private void registry(Case current) {
		when(this.cases.findById("case-1")).thenReturn(Optional.of(current));
	}

	private static Map<String, Object> requestVariables() {
		return withVariables(CaseVariables.CASE_ID, "case-1", CaseVariables.CASE_REFERENCE, REFERENCE, "jurisdiction",
				"coe", Variables.IS_CHILD, false, Variables.RETURN_REASON, "PersonRequested", Variables.REQUESTING_AGENCY,
				"police");
	}

	private static ProcessInstance request() {
		return runtimeService().startProcessInstanceByKey(KEY, REFERENCE, requestVariables());
	}

	/**
	 * A chunk of the path. Instantiating before an activity runs the process's start listener before the variables
	 * are set, so the request's checks (covered by the full paths above) are left out here.
	 */
	private static ProcessInstance startAt(String activity) {
		Mocks.register("readRemovalProtection",
				(ExecutionListener) execution -> execution.setVariable(Variables.REMOVAL_BLOCKED, false));
		return runtimeService().createProcessInstanceByKey(KEY)
			.startBeforeActivity(activity)
			.businessKey(REFERENCE)
			.setVariables(requestVariables())
			.execute();
	}

	private static Case adult(Protection protection) {
		return new Case("case-1", REFERENCE, "coe", "social", "demo-police", Instant.EPOCH, CaseStatus.Active, null, null,
				AgeGroup.Adult, PersonStatus.Presumed, protection, null, null, null, null);
	}

	private static Case child(BestInterests interests) {
		return new Case("case-1", REFERENCE, "coe", "social", "demo-police", Instant.EPOCH, CaseStatus.Active, null, null,
				AgeGroup.Uncertain, PersonStatus.Identified, Protection.Identified, null, null, "guardian-1", interests);
	}
}
