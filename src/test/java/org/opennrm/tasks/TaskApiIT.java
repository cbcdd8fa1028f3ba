package org.opennrm.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennrm.test.Api.body;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.cases.Cases;
import org.opennrm.referral.CaseReferralProcess;
import org.opennrm.test.Api;
import org.opennrm.test.EngineJobs;
import org.opennrm.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Opening a case and working its tasks through our API, as a caseworker would. */
@IntegrationTest
class TaskApiIT {

	static final Map<String, Object> POLICE_INTAKE = body("referringAgency", "police", "contactSetting",
			"PoliceOperation", "childSuspected", false, "interpreterNeeded", false);

	static final Map<String, Object> PRESUMED = body("suspectedExploitation", "LabourExploitation", "indicatorLevel",
			"Strong", "presumedVictim", true);

	@Autowired
	Api api;

	@Autowired
	EngineJobs jobs;

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
		ensureUser("police-2", "police");
	}

	@Test
	void a_frontline_worker_opens_a_case_screens_it_and_the_case_moves_on_to_case_management() {
		Api.Response opened = this.api.as("demo-police").post("/api/cases", POLICE_INTAKE);
		assertThat(opened.status()).isEqualTo(201);
		String reference = opened.json().path("reference").asText();
		assertThat(reference).matches("DEMO-\\d{4}-\\d{6}");
		assertThat(opened.header("Location")).isEqualTo("/api/cases/" + reference);
		assertThat(opened.json().path("status").asText()).isEqualTo("Active");

		JsonNode screening = onlyTask("demo-police", reference);
		assertThat(screening.path("taskType").asText()).isEqualTo(CaseReferralProcess.TASK_SCREEN_INDICATORS);
		assertThat(screening.path("form").asText()).isEqualTo("ScreenIndicators");
		assertThat(screening.path("caseReference").asText()).isEqualTo(reference);
		String taskId = screening.path("id").asText();

		assertThat(this.api.as("demo-police").post("/api/tasks/" + taskId + "/claim").status()).isEqualTo(204);
		assertThat(this.api.as("demo-police").post("/api/tasks/" + taskId + "/complete", PRESUMED).status())
			.isEqualTo(204);
		this.jobs.runAll();

		assertThat(this.api.as("demo-police").get("/api/tasks?caseReference=" + reference).json().path("total").asInt())
			.isZero();
		JsonNode assessment = onlyTask("demo-social", reference);
		assertThat(assessment.path("taskType").asText()).isEqualTo(CaseReferralProcess.TASK_ASSESS_IMMEDIATE_NEEDS);
		assertThat(this.cases.findByReference(reference).orElseThrow().leadAgency()).isEqualTo("social");
	}

	@Test
	void the_case_is_shown_to_whoever_opened_it_and_to_supervisors_but_not_to_an_uninvolved_agency() {
		String reference = open();

		assertThat(this.api.as("demo-police").get("/api/cases/" + reference).status()).isEqualTo(200);
		assertThat(this.api.as("demo-supervisor").get("/api/cases/" + reference).status()).isEqualTo(200);
		assertThat(this.api.as("demo-ngo").get("/api/cases/" + reference).status()).isEqualTo(404);
	}

	@Test
	void a_worker_cannot_open_a_case_for_another_agency_and_nothing_is_created() {
		long before = this.cases.count();

		Api.Response forOtherAgency = this.api.as("demo-police").post("/api/cases", body("referringAgency", "ngo",
				"contactSetting", "Outreach", "childSuspected", false, "interpreterNeeded", false));
		Api.Response byAuditor = this.api.as("demo-auditor").post("/api/cases", POLICE_INTAKE);
		Api.Response unknownAgency = this.api.as("demo-police").post("/api/cases", body("referringAgency", "army",
				"contactSetting", "Outreach", "childSuspected", false, "interpreterNeeded", false));
		Api.Response personalData = this.api.as("demo-police").post("/api/cases",
				body("referringAgency", "police", "contactSetting", "Outreach", "firstName", "Sentinel"));

		assertThat(forOtherAgency.status()).isEqualTo(403);
		assertThat(byAuditor.status()).isEqualTo(403);
		assertThat(unknownAgency.status()).isEqualTo(400);
		assertThat(unknownAgency.json().path("errors").has("referringAgency")).isTrue();
		assertThat(personalData.status()).isEqualTo(400);
		assertThat(personalData.json().path("detail").asText()).isEqualTo("Unknown field 'firstName'.");
		assertThat(this.cases.count()).isEqualTo(before);
	}

	@Test
	void bad_completions_get_a_clear_400_and_change_nothing() {
		String taskId = claimedScreening("demo-police");

		assertBadRequest(taskId, body("suspectedExploitation", "Other", "indicatorLevel", "Weak", "presumedVictim", true,
				"firstName", "Sentinel"), "Unknown field 'firstName'.");
		assertBadRequest(taskId, body("suspectedExploitation", "Other", "indicatorLevel", "Weak", "presumedVictim",
				"yes"), "Field 'presumedVictim' has the wrong type or value.");
		assertBadRequest(taskId, body("suspectedExploitation", "Slavery", "indicatorLevel", "Weak", "presumedVictim",
				true), "Field 'suspectedExploitation' has the wrong type or value.");
		Api.Response missing = complete("demo-police", taskId, body());
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().path("errors").has("presumedVictim")).isTrue();
		Api.Response noReason = complete("demo-police", taskId,
				body("suspectedExploitation", "Other", "indicatorLevel", "Weak", "presumedVictim", false));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.json().path("errors").has("reasonNotPresumedGiven")).isTrue();
		Api.Response malformed = this.api.as("demo-police").postRaw("/api/tasks/" + taskId + "/complete",
				"{\"presumedVictim\": tru", MediaType.APPLICATION_JSON);
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().path("detail").asText()).isEqualTo("The body is not well-formed JSON.");
		Api.Response notJson = this.api.as("demo-police").postRaw("/api/tasks/" + taskId + "/complete",
				"presumedVictim=true", MediaType.TEXT_PLAIN);
		assertThat(notJson.status()).isEqualTo(415);
		Api.Response array = this.api.as("demo-police").postRaw("/api/tasks/" + taskId + "/complete", "[]",
				MediaType.APPLICATION_JSON);
		assertThat(array.status()).isEqualTo(400);

		Task task = this.taskService.createTaskQuery().taskId(taskId).singleResult();
		assertThat(task).isNotNull();
		assertThat(task.getAssignee()).isEqualTo("demo-police");
		assertThat(this.runtimeService.getVariable(task.getProcessInstanceId(), "presumedVictim")).isNull();
		assertThat(this.runtimeService.getVariable(task.getProcessInstanceId(), "firstName")).isNull();
	}

	@Test
	void claim_rules_hold_and_a_conflict_is_a_409() {
		String taskId = onlyTask("demo-police", open()).path("id").asText();

		assertThat(complete("demo-police", taskId, PRESUMED).status()).as("complete before claim").isEqualTo(409);
		assertThat(this.api.as("demo-police").post("/api/tasks/" + taskId + "/claim").status()).isEqualTo(204);
		assertThat(this.api.as("demo-police").post("/api/tasks/" + taskId + "/claim").status()).as("again, same user")
			.isEqualTo(204);
		assertThat(this.api.as("police-2", "Xk7#vQ2-pL9!mZ").post("/api/tasks/" + taskId + "/claim").status())
			.isEqualTo(409);
		assertThat(complete("police-2", taskId, PRESUMED).status()).isEqualTo(409);
		assertThat(this.api.as("police-2", "Xk7#vQ2-pL9!mZ").post("/api/tasks/" + taskId + "/unclaim").status())
			.isEqualTo(409);
		assertThat(this.api.as("demo-social").post("/api/tasks/" + taskId + "/claim").status())
			.as("another agency does not even see it").isEqualTo(404);

		assertThat(this.api.as("demo-police").post("/api/tasks/" + taskId + "/unclaim").status()).isEqualTo(204);
		assertThat(this.taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
		assertThat(this.api.as("police-2", "Xk7#vQ2-pL9!mZ").post("/api/tasks/" + taskId + "/claim").status())
			.isEqualTo(204);
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
		String mine = claimedScreening("demo-police");
		String unclaimed = onlyTask("demo-police", open()).path("id").asText();
		String othersClaimed = onlyTask("demo-police", open()).path("id").asText();
		this.api.as("police-2", "Xk7#vQ2-pL9!mZ").post("/api/tasks/" + othersClaimed + "/claim");

		JsonNode page = this.api.as("demo-police").get("/api/tasks?maxResults=100").json();
		assertThat(page.path("total").asInt()).isLessThanOrEqualTo(100);
		assertThat(page.path("tasks").findValuesAsText("id")).contains(mine, unclaimed).doesNotContain(othersClaimed);
	}

	private void assertBadRequest(String taskId, Map<String, Object> body, String detail) {
		Api.Response response = complete("demo-police", taskId, body);
		assertThat(response.status()).as(body.toString()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(response.json().path("detail").asText()).isEqualTo(detail);
		assertThat(response.body()).doesNotContain("Sentinel", "Exception", "at org.");
	}

	private Api.Response complete(String userId, String taskId, Map<String, Object> body) {
		Api.Client client = userId.equals("police-2") ? this.api.as(userId, "Xk7#vQ2-pL9!mZ") : this.api.as(userId);
		return client.post("/api/tasks/" + taskId + "/complete", body);
	}

	private String open() {
		return this.api.as("demo-police").post("/api/cases", POLICE_INTAKE).json().path("reference").asText();
	}

	private String claimedScreening(String userId) {
		String taskId = onlyTask(userId, open()).path("id").asText();
		assertThat(this.api.as(userId).post("/api/tasks/" + taskId + "/claim").status()).isEqualTo(204);
		return taskId;
	}

	private JsonNode onlyTask(String userId, String reference) {
		JsonNode page = this.api.as(userId).get("/api/tasks?caseReference=" + reference).json();
		assertThat(page.path("total").asInt()).as("tasks of %s for %s", reference, userId).isEqualTo(1);
		return page.path("tasks").get(0);
	}

	private void ensureUser(String id, String group) {
		if (this.identityService.createUserQuery().userId(id).count() == 0) {
			User user = this.identityService.newUser(id);
			user.setFirstName("Second");
			user.setLastName("Officer");
			user.setPassword("Xk7#vQ2-pL9!mZ");
			this.identityService.saveUser(user);
			this.identityService.createMembership(id, group);
		}
	}
}
