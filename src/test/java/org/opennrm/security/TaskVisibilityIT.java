package org.opennrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.test.Api;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.IntegrationTest;
import org.opennrm.test.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A task of the competent authority, looked for by an NGO worker on every path that reaches the engine: our API and
 * the API that Tasklist itself uses. The authority sees it on each of them. The engine REST API is closed to both
 * (ADR 20); administrators, its only users, see what the engine's authorizations grant them.
 */
@IntegrationTest
class TaskVisibilityIT {

	@Autowired
	Api api;

	@Autowired
	TaskService taskService;

	@Autowired
	CaseJourney journey;

	/** A case police opened and screened: its preliminary decision now waits for the competent authority. */
	String reference;

	String authorityTask;

	@BeforeEach
	void aTaskOfTheCompetentAuthority() {
		this.reference = this.journey.open("demo-police", CaseJourney.ADULT_BY_POLICE);
		this.journey.complete("demo-police", this.reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS,
				CaseJourney.ADULT_LABOUR_INDICATORS);
		this.journey.complete("demo-police", this.reference,
				VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME, Api.body("presumedVictim", true));
		this.authorityTask = this.journey
			.task("demo-authority", this.reference, VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS)
			.path("id")
			.asText();
	}

	@Test
	void an_ngo_worker_sees_none_of_it_through_our_api() {
		String task = this.authorityTask;

		assertThat(this.api.as("demo-ngo").get("/api/tasks?caseReference=" + this.reference).json().path("total").asInt())
			.isZero();
		assertThat(this.api.as("demo-ngo").get("/api/tasks/" + task).status()).isEqualTo(404);
		assertThat(this.api.as("demo-authority").get("/api/tasks/" + task).status()).isEqualTo(200);
	}

	@Test
	void the_engine_rest_api_is_closed_to_caseworkers_and_shows_administrators_what_the_engine_grants() {
		String task = this.authorityTask;
		for (String worker : List.of("demo-ngo", "demo-authority")) {
			Api.Client client = this.api.as(worker);
			for (String path : List.of("/engine-rest/task?maxResults=50&processInstanceBusinessKey=" + this.reference,
					"/engine-rest/task/" + task, "/engine-rest/task/" + task + "/variables",
					"/engine-rest/process-instance?maxResults=50&businessKey=" + this.reference,
					"/engine-rest/variable-instance?maxResults=500&variableName=caseReference",
					"/engine-rest/history/task?maxResults=50&processInstanceBusinessKey=" + this.reference,
					"/engine-rest/history/variable-instance?maxResults=500&variableName=caseReference")) {
				assertThat(client.get(path).status()).as("%s on %s", worker, path).isEqualTo(403);
			}
			assertThat(client.post("/engine-rest/task/" + task + "/claim", Api.body("userId", worker)).status())
				.isEqualTo(403);
		}
		assertThat(this.taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();

		JsonNode admin = this.api.as("demo-admin")
			.get("/engine-rest/task?maxResults=50&processInstanceBusinessKey=" + this.reference)
			.json();
		assertThat(admin.findValuesAsText("id")).containsExactly(task);
	}

	@Test
	void an_ngo_worker_sees_none_of_it_in_tasklist() {
		String task = this.authorityTask;
		WebappSession ngo = WebappSession.signIn(this.api, "tasklist", "demo-ngo", Api.DEMO_PASSWORD);
		WebappSession authority = WebappSession.signIn(this.api, "tasklist", "demo-authority", Api.DEMO_PASSWORD);

		assertThat(ngo.getJson("/camunda/api/engine/engine/default/task?maxResults=50&processInstanceBusinessKey=" + this.reference))
			.isEmpty();
		assertThat(ngo.get("/camunda/api/engine/engine/default/task/" + task).status()).isEqualTo(404);
		assertThat(ngo.post("/camunda/api/engine/engine/default/task/" + task + "/claim", "{\"userId\":\"demo-ngo\"}")
			.status()).isIn(403, 404);
		assertThat(authority.getJson("/camunda/api/engine/engine/default/task?maxResults=50&processInstanceBusinessKey=" + this.reference)
			.findValuesAsText("id")).containsExactly(task);
	}

	@Test
	void each_group_reads_only_its_own_shared_task_filter_and_it_lists_the_groups_tasks() {
		String task = this.authorityTask;
		WebappSession ngo = WebappSession.signIn(this.api, "tasklist", "demo-ngo", Api.DEMO_PASSWORD);
		WebappSession authority = WebappSession.signIn(this.api, "tasklist", "demo-authority", Api.DEMO_PASSWORD);

		JsonNode ngoFilters = ngo.getJson("/camunda/api/engine/engine/default/filter?resourceType=Task&maxResults=50");
		JsonNode authorityFilters = authority.getJson("/camunda/api/engine/engine/default/filter?resourceType=Task&maxResults=50");
		assertThat(names(ngoFilters)).containsExactly("My group's tasks");
		assertThat(names(authorityFilters)).containsExactly("My group's tasks");
		String authorityFilter = authorityFilters.get(0).path("id").asText();
		assertThat(ngoFilters.get(0).path("id").asText()).isNotEqualTo(authorityFilter);

		JsonNode listed = authority.getJson("/camunda/api/engine/engine/default/filter/" + authorityFilter + "/list?maxResults=2000");
		assertThat(listed.findValuesAsText("id")).contains(task);
		assertThat(ngo.get("/camunda/api/engine/engine/default/filter/" + authorityFilter + "/list?maxResults=50").status())
			.isIn(403, 404);
	}


	private static List<String> names(JsonNode filters) {
		List<String> names = new ArrayList<>();
		filters.forEach(filter -> names.add(filter.path("name").asText()));
		return names;
	}
}
