package org.opennrm.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennrm.test.Api.body;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opennrm.cases.AgeGroup;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.Cases;
import org.opennrm.cases.Protection;
import org.opennrm.platform.EngineClock;
import org.opennrm.test.Api;
import org.opennrm.test.EngineJobs;
import org.opennrm.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Requesting a voluntary return through our API, as police and social services would, and as others may not. */
@IntegrationTest
class ReturnRequestApiIT {

	static final Map<String, Object> REQUEST = body("reason", "PersonRequested");

	@Autowired
	Api api;

	@Autowired
	EngineJobs jobs;

	@Autowired
	Cases cases;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	HistoryService historyService;

	@ParameterizedTest
	@EnumSource(value = Protection.class, names = { "PendingIdentification", "RecoveryPeriod" })
	void a_return_requested_while_the_person_is_protected_is_blocked_at_once_and_never_creates_a_return_task(
			Protection protection) {
		String reference = open("demo-police");
		lead(reference, "social");
		protect(reference, protection);

		Api.Response response = this.api.as("demo-police").post(path(reference), REQUEST);

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().path("caseReference").asText()).isEqualTo(reference);
		assertThat(response.json().path("reason").asText()).isEqualTo("PersonRequested");
		assertThat(response.json().path("outcome").asText()).isEqualTo("Blocked");
		this.jobs.runAll();

		assertThat(this.historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey(VoluntaryReturnProcess.KEY)
			.processInstanceBusinessKey(reference)
			.finished()
			.singleResult()
			.getEndActivityId()).isEqualTo(VoluntaryReturnProcess.END_EVENT_RETURN_BLOCKED);
		assertThat(this.historyService.createHistoricTaskInstanceQuery()
			.processDefinitionKey(VoluntaryReturnProcess.KEY)
			.processInstanceBusinessKey(reference)
			.count()).isZero();
		assertThat(removalBlockedNotices("demo-police", reference)).isOne();
		assertThat(removalBlockedNotices("demo-supervisor", reference)).isOne();
		assertThat(removalBlockedNotices("demo-social", reference)).as("the lead agency did not ask").isZero();
	}

	@Test
	void social_services_leading_a_case_of_an_unprotected_person_start_a_return_that_asks_for_consent_first() {
		String reference = open("demo-social");

		Api.Response response = this.api.as("demo-social").post(path(reference), body("reason", "FamilyReunification"));

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().path("outcome").asText()).isEqualTo("InProgress");
		JsonNode tasks = this.api.as("demo-social").get("/api/tasks?caseReference=" + reference).json().path("tasks");
		assertThat(tasks.findValuesAsText("taskType")).contains(VoluntaryReturnProcess.TASK_RECORD_RETURN_CONSENT);
		assertThat(tasks.findValuesAsText("form")).contains("RecordReturnConsent");
		assertThat(this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(VoluntaryReturnProcess.KEY)
			.processInstanceBusinessKey(reference)
			.count()).isOne();
	}

	@Test
	void police_who_opened_a_case_may_ask_for_it_after_it_passed_to_social_services() {
		String reference = open("demo-police");
		lead(reference, "social");

		assertThat(this.api.as("demo-police").post(path(reference), REQUEST).json().path("outcome").asText())
			.isEqualTo("InProgress");
	}

	@Test
	void police_not_involved_in_a_case_learn_neither_that_it_exists_nor_whether_the_person_is_protected() {
		String unprotected = open("demo-social");
		String protectedCase = open("demo-social");
		protect(protectedCase, Protection.RecoveryPeriod);
		Api.Response unknown = this.api.as("demo-police").post(path("DEMO-2026-999998"), REQUEST);

		for (String reference : List.of(unprotected, protectedCase)) {
			Api.Response response = this.api.as("demo-police").post(path(reference), REQUEST);
			assertThat(response.status()).isEqualTo(404);
			assertThat(response.body()).isEqualTo(unknown.body().replace("DEMO-2026-999998", reference));
			assertThat(this.runtimeService.createProcessInstanceQuery()
				.processDefinitionKey(VoluntaryReturnProcess.KEY)
				.processInstanceBusinessKey(reference)
				.count()).isZero();
		}
	}

	@Test
	void nobody_else_learns_that_the_case_exists_and_nothing_is_started() {
		String policeLed = open("demo-police");
		Api.Response unknown = this.api.as("demo-police").post(path("DEMO-2026-999999"), REQUEST);

		for (String user : List.of("demo-social", "demo-ngo", "demo-health", "demo-guardian", "demo-authority",
				"demo-supervisor", "demo-auditor", "demo-coordinator")) {
			Api.Response response = this.api.as(user).post(path(policeLed), REQUEST);
			assertThat(response.status()).as(user).isEqualTo(404);
			assertThat(response.json().path("detail")).as("the same answer as for a case that does not exist")
				.isEqualTo(unknown.json().path("detail"));
		}
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(this.api.anonymous().post(path(policeLed), REQUEST).status()).isEqualTo(401);
		assertThat(this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(VoluntaryReturnProcess.KEY)
			.processInstanceBusinessKey(policeLed)
			.count()).isZero();
	}

	@Test
	void bad_requests_get_a_clear_400_and_start_nothing() {
		String reference = open("demo-police");

		assertThat(this.api.as("demo-police").post(path(reference), body("reason", "Deportation")).status())
			.isEqualTo(400);
		assertThat(this.api.as("demo-police").post(path(reference), body()).json().path("errors").has("reason")).isTrue();
		Api.Response unknownField = this.api.as("demo-police").post(path(reference),
				body("reason", "Other", "firstName", "Sentinel"));
		assertThat(unknownField.status()).isEqualTo(400);
		assertThat(unknownField.body()).doesNotContain("Sentinel");
		assertThat(this.api.as("demo-police").postRaw(path(reference), "{\"reason\": ", MediaType.APPLICATION_JSON)
			.status()).isEqualTo(400);
		assertThat(this.api.as("demo-police").post(path("not-a-reference"), REQUEST).status()).isEqualTo(400);
		assertThat(this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(VoluntaryReturnProcess.KEY)
			.processInstanceBusinessKey(reference)
			.count()).isZero();
	}

	@Test
	void a_closed_case_gets_no_return_request() {
		String reference = open("demo-police");
		Case found = this.cases.findByReference(reference).orElseThrow();
		this.cases.change(found.caseId(),
				current -> current.close(CaseStatus.Closed, "ServicesCompleted", EngineClock.now()));

		assertThat(this.api.as("demo-police").post(path(reference), REQUEST).status()).isEqualTo(409);
	}

	private long removalBlockedNotices(String userId, String reference) {
		JsonNode notifications = this.api.as(userId).get("/api/notifications?limit=200").json();
		long count = 0;
		for (JsonNode notification : notifications) {
			if (reference.equals(notification.path("caseReference").asText())
					&& "RemovalBlocked".equals(notification.path("kind").asText())) {
				count++;
			}
		}
		return count;
	}

	private void lead(String reference, String agency) {
		Case found = this.cases.findByReference(reference).orElseThrow();
		this.cases.change(found.caseId(), current -> current.ledBy(agency));
	}

	private void protect(String reference, Protection protection) {
		Case found = this.cases.findByReference(reference).orElseThrow();
		this.cases.change(found.caseId(), current -> current.withProtection(protection));
	}

	/** A case in the registry led by the user's own agency, as after intake (no case process: only the return runs). */
	private String open(String userId) {
		String agency = userId.substring("demo-".length());
		return this.cases.open(new Cases.NewCase(agency, userId, null, AgeGroup.Adult)).reference();
	}

	private static String path(String reference) {
		return "/api/cases/" + reference + "/return-requests";
	}
}
