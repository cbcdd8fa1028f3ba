package org.opennrm.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennrm.test.Api.body;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.cases.AgeGroup;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.opennrm.handoff.ServiceHandoffProcess.Variables;
import org.opennrm.test.Api;
import org.opennrm.test.EngineJobs;
import org.opennrm.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Following a hand-off through {@code GET /api/cases/{reference}/handoffs}: a legal-aid hand-off from social services,
 * offered by the routing table to an NGO (the only provider on its list), driven through our task API.
 */
@IntegrationTest
class HandoffApiIT {

	@Autowired
	Api api;

	@Autowired
	EngineJobs jobs;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	Cases cases;

	/** A case led by social services with one legal-aid hand-off, offered to the NGO. */
	String reference;

	@BeforeEach
	void aLegalAidHandoffOfferedToTheNgo() {
		Case opened = this.cases.open(new Cases.NewCase("social", "demo-social", null, AgeGroup.Adult));
		this.reference = opened.reference();
		this.runtimeService.createProcessInstanceByKey(ServiceHandoffProcess.KEY)
			.businessKey(this.reference)
			.setVariables(Map.of(CaseVariables.CASE_ID, opened.caseId(), CaseVariables.CASE_REFERENCE, this.reference,
					Variables.SERVICE, "LegalAid", Variables.REFERRING_AGENCY, "social"))
			.execute();
		this.jobs.runAll();
	}

	@Test
	void the_referring_agency_sees_the_offer_with_its_answer_due_and_so_does_the_agency_it_is_offered_to() {
		Api.Response asSocial = handoffs("demo-social");

		assertThat(asSocial.status()).isEqualTo(200);
		JsonNode handoff = only(asSocial);
		assertThat(handoff.path("service").asText()).isEqualTo("LegalAid");
		assertThat(handoff.path("referringAgency").asText()).isEqualTo("social");
		assertThat(handoff.path("receivingAgency").asText()).isEqualTo("ngo");
		assertThat(handoff.path("status").asText()).isEqualTo("Offered");
		assertThat(handoff.path("attempts").asInt()).isEqualTo(1);
		assertThat(handoff.path("respondBy").asText()).isNotBlank();
		assertThat(handoff.path("steps")).hasSize(1);
		assertThat(handoff.path("steps").get(0).path("step").asText()).isEqualTo("Offered");
		assertThat(handoff.path("steps").get(0).path("agency").asText()).isEqualTo("ngo");
		assertThat(only(handoffs("demo-ngo")).path("id").asText()).isEqualTo(handoff.path("id").asText());
	}

	@Test
	void supervisors_and_auditors_see_every_hand_off_and_an_uninvolved_agency_gets_a_404() {
		assertThat(handoffs("demo-supervisor").json()).hasSize(1);
		assertThat(handoffs("demo-auditor").json()).hasSize(1);

		Api.Response asHealth = handoffs("demo-health");
		assertThat(asHealth.status()).isEqualTo(404);
		assertThat(asHealth.header("Content-Type")).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(handoffs("demo-police").status()).isEqualTo(404);
	}

	@Test
	void a_decline_shows_its_reason_the_declining_agency_no_longer_sees_it_and_the_next_offer_counts_as_an_attempt() {
		complete("demo-ngo", ServiceHandoffProcess.TASK_RESPOND_TO_REFERRAL,
				body("referralAccepted", false, "declineReason", "NoCapacity"));

		JsonNode declined = only(handoffs("demo-social"));
		assertThat(declined.path("status").asText()).isEqualTo("Declined");
		assertThat(declined.has("respondBy")).as("nothing to answer").isFalse();
		assertThat(declined.path("steps").get(1).path("step").asText()).isEqualTo("Declined");
		assertThat(declined.path("steps").get(1).path("reason").asText()).isEqualTo("NoCapacity");
		assertThat(handoffs("demo-ngo").status()).isEqualTo(404);

		complete("demo-social", ServiceHandoffProcess.TASK_CHOOSE_ANOTHER_PROVIDER,
				body("withdrawHandoff", false, "receivingAgency", "health"));

		JsonNode offeredAgain = only(handoffs("demo-social"));
		assertThat(offeredAgain.path("status").asText()).isEqualTo("Offered");
		assertThat(offeredAgain.path("receivingAgency").asText()).isEqualTo("health");
		assertThat(offeredAgain.path("attempts").asInt()).isEqualTo(2);
		assertThat(offeredAgain.path("steps")).hasSize(3);
		assertThat(handoffs("demo-health").json()).hasSize(1);
	}

	@Test
	void an_accepted_service_shows_its_outcome() {
		complete("demo-ngo", ServiceHandoffProcess.TASK_RESPOND_TO_REFERRAL, body("referralAccepted", true));
		assertThat(only(handoffs("demo-social")).path("status").asText()).isEqualTo("Accepted");

		complete("demo-ngo", ServiceHandoffProcess.TASK_RECORD_SERVICE_DELIVERY, body("serviceOutcome", "Delivered"));

		JsonNode delivered = only(handoffs("demo-social"));
		assertThat(delivered.path("status").asText()).isEqualTo("Delivered");
		assertThat(delivered.path("steps").findValuesAsText("step")).containsExactly("Offered", "Accepted", "Delivered");
		assertThat(handoffs("demo-ngo").json()).as("the outcome is the provider's").hasSize(1);
	}

	@Test
	void the_agency_leading_a_case_without_hand_offs_sees_an_empty_list() {
		String withoutHandoffs = this.cases.open(new Cases.NewCase("police", "demo-police", null, AgeGroup.Adult))
			.reference();

		Api.Response asPolice = handoffs("demo-police", withoutHandoffs);
		assertThat(asPolice.status()).isEqualTo(200);
		assertThat(asPolice.json()).isEmpty();
		assertThat(handoffs("demo-ngo", withoutHandoffs).status()).isEqualTo(404);
	}

	@Test
	void an_unknown_reference_is_a_404_and_a_malformed_one_a_400() {
		assertThat(handoffs("demo-supervisor", "DEMO-2026-999999").status()).isEqualTo(404);
		assertThat(handoffs("demo-supervisor", "not-a-reference").status()).isEqualTo(400);
		assertThat(this.api.anonymous().get("/api/cases/" + this.reference + "/handoffs").status()).isEqualTo(401);
	}

	private Api.Response handoffs(String userId) {
		return handoffs(userId, this.reference);
	}

	private Api.Response handoffs(String userId, String caseReference) {
		return this.api.as(userId).get("/api/cases/" + caseReference + "/handoffs");
	}

	private static JsonNode only(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json()).as(response.toString()).hasSize(1);
		return response.json().get(0);
	}

	/** Claims and completes the case's one task of this type through our task API, then lets the process move on. */
	private void complete(String userId, String taskType, Map<String, Object> body) {
		JsonNode tasks = this.api.as(userId).get("/api/tasks?caseReference=" + this.reference).json().path("tasks");
		String taskId = null;
		for (JsonNode task : tasks) {
			if (taskType.equals(task.path("taskType").asText())) {
				taskId = task.path("id").asText();
			}
		}
		assertThat(taskId).as("%s's %s task of %s", userId, taskType, this.reference).isNotNull();
		assertThat(this.api.as(userId).post("/api/tasks/" + taskId + "/claim").status()).isEqualTo(204);
		assertThat(this.api.as(userId).post("/api/tasks/" + taskId + "/complete", body).status()).isEqualTo(204);
		this.jobs.runAll();
	}
}
