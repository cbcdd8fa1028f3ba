package org.opennrm.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.casework.NrmCaseProcess;
import org.opennrm.risk.RiskAssessmentProcess;
import org.opennrm.test.Api;
import org.opennrm.test.BrowserScenarios;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.EngineJobs;
import org.opennrm.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The main path in the real Camunda Tasklist, in headless Chromium: police screen the case on the indicator checklist
 * and confirm the outcome, the competent authority decides on reasonable grounds, police record the person's consent.
 * Each step is a different agency's worker in their own Tasklist session, filling the Camunda Form as a person would.
 */
@IntegrationTest
class TasklistBrowserIT {

	static final List<String> OBSERVED = List.of("DeceivedAboutJob", "ViolenceDuringRecruitment", "ExcessiveHours",
			"LowOrNoPay", "PapersKept", "DebtBondage");

	@Autowired
	Api api;

	@Autowired
	CaseJourney journey;

	@Autowired
	EngineJobs jobs;

	@Autowired
	HistoryService historyService;

	@Autowired
	Environment environment;

	String reference;

	@BeforeEach
	void aCaseOpenedByPolice() {
		this.reference = this.journey.open("demo-police", CaseJourney.ADULT_BY_POLICE);
	}

	@Test
	void police_and_the_competent_authority_take_a_case_from_screening_to_consent_in_tasklist() throws IOException {
		walk("demo-police", "Screen for trafficking indicators",
				Map.of("field", "Indicators observed", "check", labelsOf(OBSERVED)));
		walk("demo-police", "Confirm or override the recommendation",
				Map.of("field", "Is the person a presumed victim of trafficking?", "choose", "Yes"));
		walk("demo-authority", "Decide on reasonable grounds",
				Map.of("field", "Decision", "choose", "Reasonable grounds: the person is a presumed victim"));
		walk("demo-police", "Record the person's consent",
				Map.of("field", "Does the person agree to be referred for protection and assistance?", "choose", "Yes"),
				Map.of("field", "Does the person agree to receive services?", "choose", "Yes"),
				Map.of("field", "Agencies the person agrees may receive case information", "check",
						List.of("Social services", "Shelter and support NGO")),
				Map.of("field", "Does the person agree to cooperate with police?", "choose", "No"));

		JsonNode view = this.journey.caseView("demo-supervisor", this.reference);
		assertThat(view.path("personStatus").asText()).isEqualTo("Presumed");
		assertThat(view.path("protection").asText()).isEqualTo("RecoveryPeriod");
		assertThat(view.path("leadAgency").asText()).isEqualTo("social");
		assertThat(this.journey.taskTypes("demo-social", this.reference))
			.contains(RiskAssessmentProcess.TASK_ASSESS_RISK_AS_CASE_MANAGER);
		assertThat(this.journey.taskTypes("demo-police", this.reference))
			.doesNotContain(NrmCaseProcess.TASK_TAKE_STATEMENT);
		JsonNode identification = this.journey.section("demo-social", this.reference, "identification");
		assertThat(identification.at("/content/screenings/0/observedIndicators").toString()).contains(OBSERVED);
		assertThat(this.historyService.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(processInstancesOfCase())
			.variableName("observedIndicators")
			.count()).as("the indicators never reach the engine, from Tasklist either").isZero();
	}

	@Test
	void another_agencys_worker_does_not_see_the_case_in_tasklist() {
		BrowserScenarios.run("tasklist-does-not-see", Map.of("baseUrl", baseUrl(), "user", "demo-ngo", "password",
				Api.DEMO_PASSWORD, "caseReference", this.reference));
	}

	@SafeVarargs
	private void walk(String user, String task, Map<String, Object>... answers) {
		BrowserScenarios.run("tasklist-walk-case", Map.of("baseUrl", baseUrl(), "password", Api.DEMO_PASSWORD,
				"caseReference", this.reference, "steps",
				List.of(Map.of("user", user, "task", task, "answers", List.of(answers)))));
		this.jobs.runAll();
	}

	private String[] processInstancesOfCase() {
		return this.historyService.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(this.reference)
			.list()
			.stream()
			.map(instance -> instance.getId())
			.toArray(String[]::new);
	}

	/** The plain-language labels Tasklist shows for the indicator codes, from the adult labour checklist. */
	private static List<String> labelsOf(List<String> codes) throws IOException {
		JsonNode checklist = new ObjectMapper()
			.readTree(Path.of("config", "indicators", "labour-exploitation-adult.json").toFile());
		Set<String> wanted = Set.copyOf(codes);
		List<String> labels = new ArrayList<>();
		checklist.path("items").forEach(item -> {
			if (wanted.contains(item.path("code").asText())) {
				labels.add(item.path("label").asText());
			}
		});
		assertThat(labels).hasSameSizeAs(codes);
		return labels;
	}

	private String baseUrl() {
		return "http://localhost:" + this.environment.getRequiredProperty("local.server.port");
	}
}
