package org.opennrm.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.test.Api;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.IntegrationTest;
import org.opennrm.test.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * A completion through the engine's REST resources sets the fields of the task's form and nothing else: a routing
 * flag slipped into the body would otherwise steer the case (here: who decides on identification).
 */
@IntegrationTest
class EngineTaskVariablesIT {

	static final String DECIDED_BY_NGO = "\"competentAuthority\":{\"value\":\"ngo\",\"type\":\"String\"}";

	@Autowired
	Api api;

	@Autowired
	CaseJourney journey;

	@Autowired
	TaskService taskService;

	String reference;

	String confirmTask;

	@BeforeEach
	void aScreenedCase() {
		this.reference = this.journey.open("demo-police", CaseJourney.ADULT_BY_POLICE);
		this.journey.complete("demo-police", this.reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS,
				CaseJourney.ADULT_LABOUR_INDICATORS);
		this.confirmTask = this.journey
			.task("demo-police", this.reference, VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME)
			.path("id")
			.asText();
	}

	@Test
	void an_extra_variable_on_an_engine_rest_completion_is_refused_and_the_task_stays_open() {
		Api.Response refused = this.api.as("demo-police").postRaw("/engine-rest/task/" + this.confirmTask + "/complete",
				"{\"variables\":{\"presumedVictim\":{\"value\":true,\"type\":\"Boolean\"}," + DECIDED_BY_NGO + "}}",
				MediaType.APPLICATION_JSON);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("competentAuthority").doesNotContain("Exception");
		assertThat(this.taskService.createTaskQuery().taskId(this.confirmTask).count()).isOne();
	}

	@Test
	void an_extra_variable_on_a_tasklist_completion_is_refused() {
		WebappSession tasklist = WebappSession.signIn(this.api, "tasklist", "demo-police", Api.DEMO_PASSWORD);

		Api.Response refused = tasklist.post("/camunda/api/engine/engine/default/task/" + this.confirmTask
				+ "/submit-form", "{\"variables\":{\"presumedVictim\":{\"value\":true,\"type\":\"Boolean\"},"
						+ DECIDED_BY_NGO + "}}");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(this.taskService.createTaskQuery().taskId(this.confirmTask).count()).isOne();
	}

	@Test
	void task_variables_are_not_written_outside_a_completion() {
		Api.Response refused = this.api.as("demo-police").post("/engine-rest/task/" + this.confirmTask + "/variables",
				Map.of("modifications", Map.of("competentAuthority", Map.of("value", "ngo", "type", "String"))));
		Api.Response local = this.api.as("demo-police").put("/engine-rest/task/" + this.confirmTask
				+ "/localVariables/competentAuthority", Map.of("value", "ngo", "type", "String"));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(local.status()).isEqualTo(403);
		assertThat(this.taskService.getVariables(this.confirmTask)).doesNotContainEntry("competentAuthority", "ngo");
	}

	@Test
	void a_completion_with_the_forms_fields_goes_through() {
		Api.Response completed = this.api.as("demo-police").postRaw("/engine-rest/task/" + this.confirmTask
				+ "/complete", "{\"variables\":{\"presumedVictim\":{\"value\":true,\"type\":\"Boolean\"}}}",
				MediaType.APPLICATION_JSON);

		assertThat(completed.status()).as(completed.toString()).isIn(200, 204);
		assertThat(this.taskService.createTaskQuery().taskId(this.confirmTask).count()).isZero();
	}
}
