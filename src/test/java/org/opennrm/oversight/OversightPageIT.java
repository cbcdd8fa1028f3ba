package org.opennrm.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.cases.Cases;
import org.opennrm.child.ChildProtectionProcess;
import org.opennrm.i18n.Texts;
import org.opennrm.i18n.internal.CatalogueTexts;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.platform.EngineClock;
import org.opennrm.security.Role;
import org.opennrm.test.Api;
import org.opennrm.test.SecondFactorCodes;
import org.opennrm.test.BrowserScenarios;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.IntegrationTest;
import org.opennrm.test.TestUsers;
import org.opennrm.test.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The supervisor workspace page in headless Chromium, as a supervisor uses it: sign in, find the demo case whose
 * preliminary decision is overdue and escalated, reassign that decision to another authority worker with a reason,
 * and record an absence so a colleague covers that worker's tasks, which the colleague then finds in the task API and
 * in a Tasklist filter of their own; a browser asking for Macedonian gets the workspace in Macedonian. axe checks
 * every page state; screenshots are kept under {@code target/browser-report/}.
 */
@IntegrationTest
class OversightPageIT {

	static final String SECOND_AUTHORITY = "authority-page-two";

	static final String THIRD_AUTHORITY = "authority-page-three";

	static final String FORMER_GUARDIAN = "guardian-page-former";

	static final String NEW_GUARDIAN = "guardian-page-new";

	@Autowired
	Api api;

	@Autowired
	CaseJourney journey;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	Environment environment;

	@Autowired
	Cases cases;

	String overdueCase;

	Task overdueDecision;

	@BeforeEach
	void theDemoCaseWithAnOverdueDecisionAndTwoMoreAuthorityWorkers() {
		TestUsers.ensure(this.identityService, SECOND_AUTHORITY, Role.AUTHORITY.groupId());
		TestUsers.ensure(this.identityService, THIRD_AUTHORITY, Role.AUTHORITY.groupId());
		this.overdueCase = "DEMO-%d-%06d".formatted(EngineClock.now().atOffset(ZoneOffset.UTC).getYear(), 7);
		this.overdueDecision = this.taskService.createTaskQuery()
			.processInstanceBusinessKey(this.overdueCase)
			.taskDefinitionKey(VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS)
			.singleResult();
		assertThat(this.overdueDecision).as("demo case 7 waits for its preliminary decision").isNotNull();
	}

	@AfterEach
	void leaveTheDemoAsItWas() {
		for (JsonNode absence : this.api.as("demo-supervisor").get("/api/oversight/absences").json()) {
			if (absence.path("userId").asText().equals(SECOND_AUTHORITY)) {
				this.api.as("demo-supervisor").delete("/api/oversight/absences/" + absence.path("id").asText());
			}
		}
		this.taskService.setAssignee(this.overdueDecision.getId(), null);
	}

	@Test
	void a_supervisor_reassigns_the_overdue_decision_and_covers_an_absent_colleague_on_the_page() {
		BrowserScenarios.onH2Only("OversightApiIT");
		JsonNode result = BrowserScenarios.run("oversight-supervise-overdue-case", Map.ofEntries(
				Map.entry("baseUrl", baseUrl()), Map.entry("user", "demo-supervisor"),
				Map.entry("password", Api.DEMO_PASSWORD), Map.entry("caseReference", this.overdueCase),
				Map.entry("taskName", this.overdueDecision.getName()), Map.entry("assignee", SECOND_AUTHORITY),
				Map.entry("reason", "Preliminary decision overdue; moving it to a colleague with capacity"),
				Map.entry("absentUser", SECOND_AUTHORITY), Map.entry("substitute", THIRD_AUTHORITY),
				Map.entry("absenceReason", "Annual leave, booked in advance"),
				Map.entry("codes", SecondFactorCodes.forBrowser(this.api, Api.DEMO_PASSWORD, "demo-supervisor"))));

		assertThat(result.path("taskId").asText()).isEqualTo(this.overdueDecision.getId());
		assertThat(this.taskService.createTaskQuery().taskId(this.overdueDecision.getId()).singleResult().getAssignee())
			.isEqualTo(SECOND_AUTHORITY);
		assertThat(this.journey.taskTypes(THIRD_AUTHORITY, this.overdueCase))
			.as("the substitute sees the absent worker's task through the task API")
			.contains(VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS);
		assertThat(this.journey.taskTypes("demo-social", this.overdueCase)).isEmpty();
		Texts catalogue = CatalogueTexts.read();
		assertThat(result.path("macedonian").path("lang").asText()).isEqualTo("mk");
		assertThat(result.path("macedonian").path("heading").asText()).as("the heading in Macedonian")
			.isEqualTo(catalogue.say(Locale.forLanguageTag("mk"), "page.oversight.title"))
			.isNotEqualTo(catalogue.say(Locale.ENGLISH, "page.oversight.title"));
		BrowserScenarios.run("tasklist-filter-shows", Map.of("baseUrl", baseUrl(), "user", THIRD_AUTHORITY, "password",
				Api.DEMO_PASSWORD, "filter", "Covering for " + SECOND_AUTHORITY, "caseReference", this.overdueCase,
				"task", this.overdueDecision.getName()));
	}

	@Test
	void a_supervisor_changes_a_childs_guardian_on_the_page() {
		BrowserScenarios.onH2Only("GuardianChangeIT");
		TestUsers.ensure(this.identityService, FORMER_GUARDIAN, Role.GUARDIAN.groupId());
		TestUsers.ensure(this.identityService, NEW_GUARDIAN, Role.GUARDIAN.groupId());
		String child = this.journey.childWithGuardian(FORMER_GUARDIAN);

		BrowserScenarios.run("oversight-change-guardian", Map.of("baseUrl", baseUrl(), "user", "demo-supervisor",
				"password", Api.DEMO_PASSWORD, "caseReference", child, "notAGuardian", "demo-ngo", "guardian",
				NEW_GUARDIAN, "reason", "The guardian moved to another region.", "codes",
				SecondFactorCodes.forBrowser(this.api, Api.DEMO_PASSWORD, "demo-supervisor")));

		assertThat(this.cases.findByReference(child).orElseThrow().guardian()).isEqualTo(NEW_GUARDIAN);
		assertThat(this.journey.taskTypes(NEW_GUARDIAN, child)).as("the consent task followed the change")
			.contains(ChildProtectionProcess.TASK_RECORD_GUARDIAN_CONSENT);
		assertThat(this.journey.taskTypes(FORMER_GUARDIAN, child)).isEmpty();
		assertThat(this.api.as("demo-auditor").get("/api/audit/cases/" + child + "/timeline?type=GuardianChanged").json())
			.as("one change: the refused one made none").hasSize(1);
	}

	/**
	 * Social services may change a child's guardian (through the API), but the workspace's form is a supervisor's: the
	 * page's own rule refuses anyone else before the form's action runs. The same form from a supervisor, with a user
	 * who is no guardian, reaches the action and is answered on the page: the refusal is the rule's, not the CSRF
	 * check's.
	 */
	@Test
	void the_guardian_form_is_refused_to_social_services_and_changes_nothing() {
		TestUsers.ensure(this.identityService, FORMER_GUARDIAN, Role.GUARDIAN.groupId());
		TestUsers.ensure(this.identityService, NEW_GUARDIAN, Role.GUARDIAN.groupId());
		String child = this.journey.childWithGuardian(FORMER_GUARDIAN);
		Map<String, String> form = Map.of("reference", child, "guardianUserId", NEW_GUARDIAN, "reason",
				"The guardian moved to another region.");

		Api.Response bySocialServices = WebappSession.pages(this.api, "demo-social", Api.DEMO_PASSWORD)
			.submit("/account", "/oversight/guardians", form);

		Api.Response bySupervisor = WebappSession.pages(this.api, "demo-supervisor", Api.DEMO_PASSWORD)
			.submit("/account", "/oversight/guardians", Map.of("reference", child, "guardianUserId", "demo-ngo", "reason",
					"The guardian moved to another region."));

		assertThat(bySocialServices.status()).as(bySocialServices.toString()).isEqualTo(403);
		assertThat(bySupervisor.status()).as(bySupervisor.toString()).isEqualTo(302);
		assertThat(bySupervisor.header("Location")).endsWith("/oversight#guardians");
		assertThat(this.cases.findByReference(child).orElseThrow().guardian()).isEqualTo(FORMER_GUARDIAN);
		assertThat(this.journey.taskTypes(FORMER_GUARDIAN, child))
			.contains(ChildProtectionProcess.TASK_RECORD_GUARDIAN_CONSENT);
		assertThat(this.api.as("demo-auditor").get("/api/audit/cases/" + child + "/timeline?type=GuardianChanged").json())
			.isEmpty();
	}

	@Test
	void someone_who_is_not_a_supervisor_is_refused_the_page() {
		assertThat(List.of(this.api.anonymous().get("/oversight").status())).containsAnyOf(302, 401);
		BrowserScenarios.onH2Only("OversightApiIT");
		BrowserScenarios.run("oversight-refuses-others",
				Map.of("baseUrl", baseUrl(), "user", "demo-authority", "password", Api.DEMO_PASSWORD));
	}

	private String baseUrl() {
		return "http://localhost:" + this.environment.getRequiredProperty("local.server.port");
	}
}
