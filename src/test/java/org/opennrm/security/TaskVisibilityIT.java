package org.opennrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.referral.CaseReferralProcess;
import org.opennrm.test.Api;
import org.opennrm.test.EngineJobs;
import org.opennrm.test.IntegrationTest;
import org.opennrm.test.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A social services task, looked for by an NGO worker on every path that reaches the engine: our API, the engine
 * REST API, history, and the API that Tasklist itself uses. Social services see it on each of them.
 */
@IntegrationTest
class TaskVisibilityIT {

	@Autowired
	Api api;

	@Autowired
	TaskService taskService;

	@Autowired
	EngineJobs jobs;

	/** A case an NGO outreach team opened and screened: its needs assessment now waits for social services. */
	String reference;

	String socialTask;

	@BeforeEach
	void aSocialServicesTask() {
		this.reference = this.api.as("demo-ngo")
			.post("/api/cases", Api.body("referringAgency", "ngo", "contactSetting", "Outreach", "childSuspected", false,
					"interpreterNeeded", false))
			.json()
			.path("reference")
			.asText();
		Task screening = this.taskService.createTaskQuery().processInstanceBusinessKey(this.reference).singleResult();
		this.taskService.claim(screening.getId(), "demo-ngo");
		this.taskService.complete(screening.getId(), Map.of("suspectedExploitation", "LabourExploitation",
				"indicatorLevel", "Strong", "presumedVictim", true));
		this.jobs.runAll();
		Task assessment = this.taskService.createTaskQuery().processInstanceBusinessKey(this.reference).singleResult();
		assertThat(assessment.getTaskDefinitionKey()).isEqualTo(CaseReferralProcess.TASK_ASSESS_IMMEDIATE_NEEDS);
		this.socialTask = assessment.getId();
	}

	@Test
	void an_ngo_worker_sees_none_of_it_through_our_api() {
		String task = this.socialTask;

		assertThat(this.api.as("demo-ngo").get("/api/tasks?caseReference=" + this.reference).json().path("total").asInt())
			.isZero();
		assertThat(this.api.as("demo-ngo").get("/api/tasks/" + task).status()).isEqualTo(404);
		assertThat(this.api.as("demo-social").get("/api/tasks/" + task).status()).isEqualTo(200);
	}

	@Test
	void an_ngo_worker_sees_none_of_it_through_the_engine_rest_api() {
		String task = this.socialTask;
		Api.Client ngo = this.api.as("demo-ngo");

		assertThat(ngo.get("/engine-rest/task?maxResults=50&processInstanceBusinessKey=" + this.reference).json()).isEmpty();
		assertThat(ngo.get("/engine-rest/task/" + task).status()).isEqualTo(404);
		assertThat(ngo.get("/engine-rest/task/" + task + "/variables").status()).isIn(403, 404);
		assertThat(ngo.post("/engine-rest/task/" + task + "/claim", Api.body("userId", "demo-ngo")).status())
			.isIn(403, 404);
		assertThat(ngo.get("/engine-rest/process-instance?maxResults=50&businessKey=" + this.reference).json()).isEmpty();
		assertThat(ngo.get("/engine-rest/variable-instance?maxResults=500&variableName=caseReference").json()
			.findValuesAsText("value")).doesNotContain(this.reference);
		assertThat(ngo.get("/engine-rest/history/task?maxResults=50&processInstanceBusinessKey=" + this.reference).json()).isEmpty();
		assertThat(ngo.get("/engine-rest/history/variable-instance?maxResults=500&variableName=caseReference").json()
			.findValuesAsText("value")).doesNotContain(this.reference);
		assertThat(ngo.get("/engine-rest/history/process-instance?maxResults=50&processInstanceBusinessKey=" + this.reference).json())
			.isEmpty();
		assertThat(this.taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();

		JsonNode social = this.api.as("demo-social")
			.get("/engine-rest/task?maxResults=50&processInstanceBusinessKey=" + this.reference)
			.json();
		assertThat(social.findValuesAsText("id")).containsExactly(task);
	}

	@Test
	void an_ngo_worker_sees_none_of_it_in_tasklist() {
		String task = this.socialTask;
		WebappSession ngo = WebappSession.signIn(this.api, "tasklist", "demo-ngo", Api.DEMO_PASSWORD);
		WebappSession social = WebappSession.signIn(this.api, "tasklist", "demo-social", Api.DEMO_PASSWORD);

		assertThat(ngo.getJson("/camunda/api/engine/engine/default/task?maxResults=50&processInstanceBusinessKey=" + this.reference))
			.isEmpty();
		assertThat(ngo.get("/camunda/api/engine/engine/default/task/" + task).status()).isEqualTo(404);
		assertThat(ngo.post("/camunda/api/engine/engine/default/task/" + task + "/claim", "{\"userId\":\"demo-ngo\"}")
			.status()).isIn(403, 404);
		assertThat(social.getJson("/camunda/api/engine/engine/default/task?maxResults=50&processInstanceBusinessKey=" + this.reference)
			.findValuesAsText("id")).containsExactly(task);
	}

	@Test
	void each_group_reads_only_its_own_shared_task_filter_and_it_lists_the_groups_tasks() {
		String task = this.socialTask;
		WebappSession ngo = WebappSession.signIn(this.api, "tasklist", "demo-ngo", Api.DEMO_PASSWORD);
		WebappSession social = WebappSession.signIn(this.api, "tasklist", "demo-social", Api.DEMO_PASSWORD);

		JsonNode ngoFilters = ngo.getJson("/camunda/api/engine/engine/default/filter?resourceType=Task&maxResults=50");
		JsonNode socialFilters = social.getJson("/camunda/api/engine/engine/default/filter?resourceType=Task&maxResults=50");
		assertThat(names(ngoFilters)).containsExactly("My group's tasks");
		assertThat(names(socialFilters)).containsExactly("My group's tasks");
		String socialFilter = socialFilters.get(0).path("id").asText();
		assertThat(ngoFilters.get(0).path("id").asText()).isNotEqualTo(socialFilter);

		JsonNode listed = social.getJson("/camunda/api/engine/engine/default/filter/" + socialFilter + "/list?maxResults=2000");
		assertThat(listed.findValuesAsText("id")).contains(task);
		assertThat(ngo.get("/camunda/api/engine/engine/default/filter/" + socialFilter + "/list?maxResults=50").status())
			.isIn(403, 404);
	}


	private static List<String> names(JsonNode filters) {
		List<String> names = new ArrayList<>();
		filters.forEach(filter -> names.add(filter.path("name").asText()));
		return names;
	}
}
