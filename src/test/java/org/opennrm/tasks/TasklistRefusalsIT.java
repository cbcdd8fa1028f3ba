package org.opennrm.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennrm.test.Api.body;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.opennrm.assistance.AssistancePlanProcess;
import org.opennrm.casework.NrmCaseProcess;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.risk.RiskAssessmentProcess;
import org.opennrm.test.Api;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.IntegrationTest;
import org.opennrm.test.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A completion refused by our rules answers the same on every path a caseworker has: a 400 naming each field and
 * what is wrong with it in words, never a 500, and nothing changed. The case found by trying it as a new user would:
 * an assistance plan whose reference holds a character the service does not accept.
 */
@IntegrationTest
class TasklistRefusalsIT {

	static final String ENGINE = "/camunda/api/engine/engine/default";

	@Autowired
	Api api;

	@Autowired
	CaseJourney journey;

	@Autowired
	TaskService taskService;

	@Test
	void a_plan_reference_the_service_does_not_accept_is_refused_alike_by_our_api_and_by_tasklist() {
		String task = draftPlanTask();
		Map<String, Object> before = this.taskService.getVariables(task);

		Api.Response ours = this.api.as("demo-social").post("/api/tasks/" + task + "/complete",
				body("plannedServices", List.of("Shelter"), "writtenWith", "Person", "planReference", "AP 2026/1"));
		Api.Response tasklist = WebappSession.signIn(this.api, "tasklist", "demo-social", Api.DEMO_PASSWORD)
			.post(ENGINE + "/task/" + task + "/submit-form",
					"{\"variables\":{\"plannedServices\":{\"value\":\"[\\\"Shelter\\\"]\",\"type\":\"Json\"},"
							+ "\"writtenWith\":{\"value\":\"Person\",\"type\":\"String\"},"
							+ "\"planReference\":{\"value\":\"AP 2026/1\",\"type\":\"String\"}}}");

		for (Api.Response response : List.of(ours, tasklist)) {
			assertThat(response.status()).as(response.toString()).isEqualTo(400);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			JsonNode problem = response.json();
			assertThat(problem.path("detail").asText()).isEqualTo("Some fields are not valid.");
			assertThat(problem.path("errors").path("planReference").asText())
				.isEqualTo("must be a file reference: letters, digits and / _ . - only, up to 40 characters");
			assertThat(response.body()).doesNotContain("Exception").doesNotContain("[A-Za-z");
		}
		assertThat(tasklist.json().path("message").asText()).as("the text Tasklist shows")
			.contains("planReference: must be a file reference");
		assertThat(this.api.as("demo-social").postRaw("/engine-rest/task/" + task + "/submit-form", "{}",
				"application/json").status()).as("caseworkers do not use the engine REST API (ADR 20)").isEqualTo(403);
		assertThat(this.taskService.createTaskQuery().taskId(task).count()).isOne();
		assertThat(this.taskService.getVariables(task)).isEqualTo(before);
	}

	@Test
	void a_missing_answer_is_named_in_words_on_both_paths() {
		String task = draftPlanTask();

		Api.Response ours = this.api.as("demo-social").post("/api/tasks/" + task + "/complete",
				body("plannedServices", List.of("Shelter"), "planReference", "AP/2026/1"));
		Api.Response tasklist = WebappSession.signIn(this.api, "tasklist", "demo-social", Api.DEMO_PASSWORD)
			.post(ENGINE + "/task/" + task + "/submit-form",
					"{\"variables\":{\"plannedServices\":{\"value\":\"[\\\"Shelter\\\"]\",\"type\":\"Json\"},"
							+ "\"planReference\":{\"value\":\"AP/2026/1\",\"type\":\"String\"}}}");

		for (Api.Response response : List.of(ours, tasklist)) {
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.json().path("errors").path("writtenWith").asText()).isEqualTo("is required");
		}
	}

	/** A social worker's assistance plan to write, claimed by them. */
	private String draftPlanTask() {
		String reference = this.journey.open("demo-police", CaseJourney.ADULT_BY_POLICE);
		this.journey.complete("demo-police", reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS,
				CaseJourney.ADULT_LABOUR_INDICATORS);
		this.journey.complete("demo-police", reference, VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME,
				body("presumedVictim", true));
		this.journey.complete("demo-authority", reference, VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS,
				body("reasonableGrounds", "Positive"));
		this.journey.complete("demo-police", reference, NrmCaseProcess.TASK_RECORD_CONSENT,
				body("consentToReferral", true, "consentToServices", true, "consentToShareWith", List.of("social"),
						"consentToPoliceCooperation", false));
		Map<String, Object> lowRisk = body("riskRating", "Low", "riskFactors", List.of("None"));
		this.journey.complete("demo-police", reference, RiskAssessmentProcess.TASK_ASSESS_RISK_AS_POLICE, lowRisk);
		this.journey.complete("demo-social", reference, RiskAssessmentProcess.TASK_ASSESS_RISK_AS_CASE_MANAGER, lowRisk);
		String task = this.journey.task("demo-social", reference, AssistancePlanProcess.TASK_DRAFT_ASSISTANCE_PLAN)
			.path("id")
			.asText();
		assertThat(this.api.as("demo-social").post("/api/tasks/" + task + "/claim").status()).isEqualTo(204);
		return task;
	}
}
