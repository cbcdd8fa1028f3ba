package org.opennrm.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennrm.test.Api.body;
import static org.opennrm.test.CaseJourney.ADULT_BY_POLICE;

import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.cases.Cases;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.platform.EngineClock;
import org.opennrm.test.Api;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.IntegrationTest;
import org.opennrm.test.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Opening a case and working its tasks through our API, as a caseworker would. */
@IntegrationTest
class TaskApiIT {

	static final String SECOND_OFFICER_PASSWORD = "Xk7#vQ2-pL9!mZ";

	static final Map<String, Object> STRONG_INDICATORS = CaseJourney.ADULT_LABOUR_INDICATORS;

	@Autowired
	Api api;

	@Autowired
	CaseJourney journey;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	IdentityService identityService;

	@Autowired
	Cases cases;

	@BeforeEach
	void secondPoliceOfficer() {
		TestUsers.ensureWithPassword(this.identityService, "police-2", SECOND_OFFICER_PASSWORD, "police");
	}

	@Test
	void a_frontline_worker_opens_a_case_screens_it_and_the_preliminary_decision_goes_to_the_competent_authority() {
		Api.Response opened = this.api.as("demo-police").post("/api/cases", ADULT_BY_POLICE);
		assertThat(opened.status()).isEqualTo(201);
		String reference = opened.json().path("reference").asText();
		assertThat(reference).matches("DEMO-\\d{4}-\\d{6}");
		assertThat(opened.header("Location")).isEqualTo("/api/cases/" + reference);
		assertThat(opened.json().path("status").asText()).isEqualTo("Active");

		JsonNode screening = this.journey.task("demo-police", reference,
				VictimIdentificationProcess.TASK_SCREEN_INDICATORS);
		assertThat(screening.path("form").asText()).isEqualTo("ScreenIndicators");
		assertThat(screening.path("caseReference").asText()).isEqualTo(reference);
		assertThat(screening.path("processKey").asText()).isEqualTo(VictimIdentificationProcess.KEY);

		this.journey.complete("demo-police", reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS,
				STRONG_INDICATORS);
		this.journey.complete("demo-police", reference, VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME,
				body("presumedVictim", true));

		assertThat(this.journey.taskTypes("demo-police", reference)).isEmpty();
		JsonNode decision = this.journey.task("demo-authority", reference,
				VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS);
		assertThat(decision.path("due").isTextual()).as("the decision has a due date").isTrue();
		assertThat(this.cases.findByReference(reference).orElseThrow().personStatus().name())
			.isEqualTo("Presumed");
	}

	@Test
	void the_case_is_shown_to_whoever_opened_it_and_to_supervisors_but_not_to_an_uninvolved_agency() {
		String reference = this.journey.open("demo-police", ADULT_BY_POLICE);

		assertThat(this.api.as("demo-police").get("/api/cases/" + reference).status()).isEqualTo(200);
		assertThat(this.api.as("demo-supervisor").get("/api/cases/" + reference).status()).isEqualTo(200);
		assertThat(this.api.as("demo-ngo").get("/api/cases/" + reference).status()).isEqualTo(404);
	}

	@Test
	void a_worker_cannot_open_a_case_for_another_agency_and_nothing_is_created() {
		long before = this.cases.count();

		Api.Response forOtherAgency = this.api.as("demo-police").post("/api/cases", with(ADULT_BY_POLICE,
				"referringAgency", "ngo"));
		Api.Response byAuditor = this.api.as("demo-auditor").post("/api/cases", ADULT_BY_POLICE);
		Api.Response unknownAgency = this.api.as("demo-police").post("/api/cases", with(ADULT_BY_POLICE,
				"referringAgency", "army"));
		Api.Response personalData = this.api.as("demo-police").post("/api/cases", with(ADULT_BY_POLICE,
				"firstName", "Sentinel"));
		Api.Response missing = this.api.as("demo-police").post("/api/cases", body("referringAgency", "police"));

		assertThat(forOtherAgency.status()).isEqualTo(403);
		assertThat(byAuditor.status()).isEqualTo(403);
		assertThat(unknownAgency.status()).isEqualTo(400);
		assertThat(unknownAgency.json().path("errors").has("referringAgency")).isTrue();
		assertThat(personalData.status()).isEqualTo(400);
		assertThat(personalData.json().path("detail").asText()).isEqualTo("Unknown field 'firstName'.");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().path("errors").has("ageGroup")).isTrue();
		assertThat(this.cases.count()).isEqualTo(before);
	}

	@Test
	void bad_completions_get_a_clear_400_and_change_nothing() {
		String reference = this.journey.open("demo-police", ADULT_BY_POLICE);
		String taskId = claimed("demo-police", reference);

		assertBadRequest(taskId, body("observedIndicators", List.of(), "firstName", "Sentinel"),
				"Unknown field 'firstName'.");
		assertBadRequest(taskId, body("observedIndicators", "PapersKept"),
				"Field 'observedIndicators' has the wrong type or value.");
		Api.Response missing = complete("demo-police", taskId, body());
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().path("errors").has("observedIndicators")).isTrue();
		Api.Response notOnChecklist = complete("demo-police", taskId,
				body("observedIndicators", List.of("PapersKept", "Sentinel")));
		assertThat(notOnChecklist.status()).as(notOnChecklist.toString()).isEqualTo(400);
		assertThat(notOnChecklist.json().path("errors").path("observedIndicators").asText())
			.startsWith("not on checklist labour-exploitation-adult");
		Api.Response malformed = this.api.as("demo-police").postRaw("/api/tasks/" + taskId + "/complete",
				"{\"observedIndicators\": [", MediaType.APPLICATION_JSON);
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().path("detail").asText()).isEqualTo("The body is not well-formed JSON.");
		Api.Response notJson = this.api.as("demo-police").postRaw("/api/tasks/" + taskId + "/complete",
				"observedIndicators=PapersKept", MediaType.TEXT_PLAIN);
		assertThat(notJson.status()).isEqualTo(415);
		Api.Response array = this.api.as("demo-police").postRaw("/api/tasks/" + taskId + "/complete", "[]",
				MediaType.APPLICATION_JSON);
		assertThat(array.status()).isEqualTo(400);

		Task task = this.taskService.createTaskQuery().taskId(taskId).singleResult();
		assertThat(task).isNotNull();
		assertThat(task.getAssignee()).isEqualTo("demo-police");
		assertThat(this.runtimeService.getVariables(task.getProcessInstanceId()))
			.doesNotContainKeys("observedIndicators", "firstName", "checklist");
	}

	@Test
	void departing_from_the_recommendation_needs_a_reason() {
		String reference = this.journey.open("demo-police", ADULT_BY_POLICE);
		this.journey.complete("demo-police", reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS,
				STRONG_INDICATORS);
		String taskId = claimedOf("demo-police", reference, VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME);

		Api.Response withoutReason = complete("demo-police", taskId, body("presumedVictim", false));

		assertThat(withoutReason.status()).isEqualTo(400);
		assertThat(withoutReason.json().path("errors").has("overrideReason")).isTrue();
		assertThat(complete("demo-police", taskId, body("presumedVictim", false, "overrideReason",
				"IndicatorsPointToOtherCrime")).status()).isEqualTo(204);
	}

	@Test
	void claim_rules_hold_and_a_conflict_is_a_409() {
		String reference = this.journey.open("demo-police", ADULT_BY_POLICE);
		String taskId = screeningOf(reference);

		assertThat(complete("demo-police", taskId, STRONG_INDICATORS).status()).as("complete before claim")
			.isEqualTo(409);
		assertThat(this.api.as("demo-police").post("/api/tasks/" + taskId + "/claim").status()).isEqualTo(204);
		assertThat(this.api.as("demo-police").post("/api/tasks/" + taskId + "/claim").status()).as("again, same user")
			.isEqualTo(204);
		assertThat(secondOfficer().post("/api/tasks/" + taskId + "/claim").status()).isEqualTo(409);
		assertThat(complete("police-2", taskId, STRONG_INDICATORS).status()).isEqualTo(409);
		assertThat(secondOfficer().post("/api/tasks/" + taskId + "/unclaim").status()).isEqualTo(409);
		assertThat(this.api.as("demo-social").post("/api/tasks/" + taskId + "/claim").status())
			.as("another agency does not even see it").isEqualTo(404);

		assertThat(this.api.as("demo-police").post("/api/tasks/" + taskId + "/unclaim").status()).isEqualTo(204);
		assertThat(this.taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
		assertThat(secondOfficer().post("/api/tasks/" + taskId + "/claim").status()).isEqualTo(204);
	}

	@Test
	void unknown_or_malformed_task_ids_get_404_and_400() {
		assertThat(this.api.as("demo-police").get("/api/tasks/" + UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(this.api.as("demo-police").post("/api/tasks/" + UUID.randomUUID() + "/claim").status())
			.isEqualTo(404);
		assertThat(this.api.as("demo-police").get("/api/tasks/not-a-task").status()).isEqualTo(400);
		assertThat(this.api.as("demo-police").get("/api/tasks?maxResults=1000").status()).isEqualTo(400);
	}

	@Test
	void a_task_list_holds_my_tasks_and_my_groups_unclaimed_tasks() {
		String mine = claimed("demo-police", this.journey.open("demo-police", ADULT_BY_POLICE));
		String unclaimed = screeningOf(this.journey.open("demo-police", ADULT_BY_POLICE));
		String othersClaimed = screeningOf(this.journey.open("demo-police", ADULT_BY_POLICE));
		secondOfficer().post("/api/tasks/" + othersClaimed + "/claim");

		JsonNode page = this.api.as("demo-police").get("/api/tasks?maxResults=100").json();
		assertThat(page.path("tasks").findValuesAsText("id")).contains(mine, unclaimed).doesNotContain(othersClaimed);
	}

	/**
	 * Tasks with a deadline come before tasks without one of the same priority, on H2 as on PostgreSQL: H2 sorts a
	 * missing value first unless told otherwise (its URL's {@code DEFAULT_NULL_ORDERING=HIGH}), and Tasklist's filters
	 * and the supervisor's lists sort by due date too.
	 */
	@Test
	void a_task_without_a_due_date_comes_after_those_with_one() {
		String undated = screeningOf(this.journey.open("demo-police", ADULT_BY_POLICE));
		String dated = screeningOf(this.journey.open("demo-police", ADULT_BY_POLICE));
		// Above every other task's priority, so that these two head the list whatever else is open; back afterwards,
		// so that they do not head it in later tests.
		for (String taskId : List.of(undated, dated)) {
			this.taskService.setPriority(taskId, 1000);
		}
		try {
			this.taskService.setDueDate(undated, null);
			this.taskService.setDueDate(dated, Date.from(EngineClock.now().plus(Duration.ofDays(3))));

			JsonNode page = this.api.as("demo-police").get("/api/tasks?maxResults=2").json();

			assertThat(page.path("tasks").findValuesAsText("id")).containsExactly(dated, undated);
		}
		finally {
			for (String taskId : List.of(undated, dated)) {
				this.taskService.setPriority(taskId, Task.PRIORITY_NORMAL);
			}
		}
	}

	private void assertBadRequest(String taskId, Map<String, Object> body, String detail) {
		Api.Response response = complete("demo-police", taskId, body);
		assertThat(response.status()).as(body.toString()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(response.json().path("detail").asText()).isEqualTo(detail);
		assertThat(response.body()).doesNotContain("Sentinel", "Exception", "at org.");
	}

	private Api.Response complete(String userId, String taskId, Map<String, Object> body) {
		Api.Client client = userId.equals("police-2") ? secondOfficer() : this.api.as(userId);
		return client.post("/api/tasks/" + taskId + "/complete", body);
	}

	private Api.Client secondOfficer() {
		return this.api.as("police-2", SECOND_OFFICER_PASSWORD);
	}

	private String screeningOf(String reference) {
		return this.journey.task("demo-police", reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS)
			.path("id")
			.asText();
	}

	private String claimed(String userId, String reference) {
		return claimedOf(userId, reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS);
	}

	private String claimedOf(String userId, String reference, String taskType) {
		String taskId = this.journey.task(userId, reference, taskType).path("id").asText();
		assertThat(this.api.as(userId).post("/api/tasks/" + taskId + "/claim").status()).isEqualTo(204);
		return taskId;
	}

	private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
		Map<String, Object> changed = new LinkedHashMap<>(body);
		changed.put(key, value);
		return changed;
	}
}
