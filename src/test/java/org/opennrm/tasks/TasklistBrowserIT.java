package org.opennrm.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.handoff.ServiceHandoffProcess;
import org.opennrm.referral.CaseReferralProcess;
import org.opennrm.test.Api;
import org.opennrm.test.BrowserScenarios;
import org.opennrm.test.EngineJobs;
import org.opennrm.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** Camunda Tasklist itself, in a real headless Chromium: caseworkers do their work where they already work. */
@IntegrationTest
class TasklistBrowserIT {

	@Autowired
	Api api;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	EngineJobs jobs;

	@Autowired
	Environment environment;

	String reference;

	/** An NGO outreach case, screened: the needs assessment now waits for social services. */
	@BeforeEach
	void aCaseWaitingForSocialServices() {
		this.reference = this.api.as("demo-ngo")
			.post("/api/cases", Api.body("referringAgency", "ngo", "contactSetting", "Outreach", "childSuspected", false,
					"interpreterNeeded", true))
			.json()
			.path("reference")
			.asText();
		Task screening = this.taskService.createTaskQuery().processInstanceBusinessKey(this.reference).singleResult();
		this.taskService.claim(screening.getId(), "demo-ngo");
		this.taskService.complete(screening.getId(), Map.of("suspectedExploitation", "LabourExploitation",
				"indicatorLevel", "Strong", "presumedVictim", true));
		this.jobs.runAll();
	}

	@Test
	void a_social_worker_claims_and_completes_the_needs_assessment_in_tasklist_and_the_case_moves_on() {
		BrowserScenarios.run("tasklist-complete-assessment", Map.of("baseUrl", baseUrl(), "user", "demo-social",
				"password", Api.DEMO_PASSWORD, "caseReference", this.reference));

		ProcessInstance referral = this.runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(this.reference)
			.processDefinitionKey(CaseReferralProcess.KEY)
			.singleResult();
		Map<String, Object> variables = this.runtimeService.getVariables(referral.getId());
		assertThat(variables).containsEntry("riskLevel", "Medium")
			.containsEntry("needsShelter", true)
			.containsEntry("needsMedicalCheck", false);
		Task shelter = this.taskService.createTaskQuery()
			.processInstanceBusinessKey(this.reference)
			.taskDefinitionKey(ServiceHandoffProcess.TASK_RESPOND_TO_REFERRAL)
			.singleResult();
		assertThat(shelter).isNotNull();
		assertThat(this.api.as("demo-ngo").get("/api/tasks?caseReference=" + this.reference).json().path("total").asInt())
			.isEqualTo(1);
	}

	@Test
	void an_ngo_worker_does_not_see_a_social_services_task_in_tasklist() {
		BrowserScenarios.run("tasklist-does-not-see", Map.of("baseUrl", baseUrl(), "user", "demo-ngo", "password",
				Api.DEMO_PASSWORD, "caseReference", this.reference));
	}

	private String baseUrl() {
		return "http://localhost:" + this.environment.getRequiredProperty("local.server.port");
	}
}
