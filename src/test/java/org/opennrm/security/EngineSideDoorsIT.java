package org.opennrm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opennrm.test.Api.body;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opennrm.cases.AgeGroup;
import org.opennrm.cases.Cases;
import org.opennrm.casework.NrmCaseProcess;
import org.opennrm.child.ChildProtectionProcess;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.platform.ActionRefused;
import org.opennrm.platform.InvalidFields;
import org.opennrm.returns.VoluntaryReturnProcess;
import org.opennrm.test.Api;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.EngineJobs;
import org.opennrm.test.IntegrationTest;
import org.opennrm.test.TestUsers;
import org.opennrm.test.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The side doors found by trying the engine's HTTP API as an attacker with the demo accounts would (issue 17), each
 * tried again on every path it had: the engine REST API in its spellings, the API Tasklist uses, and the engine's own
 * Java API as the signed-in user, which is where every path meets and where the rules now live (ADR 20).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineSideDoorsIT {

	static final String ENGINE = "/camunda/api/engine/engine/default";

	/** Guardians of their own: other tests sign in as the demo guardian with wrong passwords, which delays its logins. */
	static final String GUARDIAN = "sidedoor-appointed";

	static final String SECOND_GUARDIAN = "sidedoor-guardian";

	static final String SECOND_OFFICER = "sidedoor-police";

	static final Map<String, Object> ADULT_BY_NGO = body("referringAgency", "ngo", "contactSetting", "Outreach",
			"ageGroup", "Adult", "suspectedExploitation", "LabourExploitation", "foreignNational", false,
			"interpreterNeeded", false);

	@Autowired
	Api api;

	@Autowired
	CaseJourney journey;

	@Autowired
	EngineJobs jobs;

	@Autowired
	RunAs runAs;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	IdentityService identityService;

	@Autowired
	Cases cases;

	@BeforeAll
	void aSecondGuardianAndASecondOfficer() {
		TestUsers.ensure(this.identityService, GUARDIAN, "guardian");
		TestUsers.ensure(this.identityService, SECOND_GUARDIAN, "guardian");
		TestUsers.ensure(this.identityService, SECOND_OFFICER, "police");
	}

	@AfterAll
	void removeThem() {
		this.identityService.deleteUser(GUARDIAN);
		this.identityService.deleteUser(SECOND_GUARDIAN);
		this.identityService.deleteUser(SECOND_OFFICER);
	}

	/** Critical: a routing flag slipped into a completion (here: who decides on identification). */
	@Test
	void a_caseworker_cannot_add_a_routing_flag_to_a_completion_on_any_path() {
		String reference = screenedByPolice();
		String task = taskOf("demo-police", reference, VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME);
		claim("demo-police", task);
		String withFlag = "{\"variables\":{\"presumedVictim\":{\"value\":true,\"type\":\"Boolean\"},"
				+ "\"competentAuthority\":{\"value\":\"ngo\",\"type\":\"String\"}}}";
		Api.Client police = this.api.as("demo-police");
		WebappSession tasklist = tasklist("demo-police");

		for (String path : List.of("/engine-rest/task/" + task + "/complete",
				"/engine-rest/engine/default/task/" + task + "/complete", "/engine-rest/task/" + task + "/complete/",
				"/engine-rest/engine/default/task/" + task + "/submit-form")) {
			assertThat(police.postRaw(path, withFlag, MediaType.APPLICATION_JSON).status()).as(path).isEqualTo(403);
		}
		assertThat(tasklist.post(ENGINE + "/task/" + task + "/complete", withFlag).status()).isEqualTo(403);
		Api.Response submitted = tasklist.post(ENGINE + "/task/" + task + "/submit-form", withFlag);
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(400);
		assertThat(submitted.json().path("errors").has("competentAuthority")).isTrue();
		assertThat(submitted.body()).doesNotContain("Exception");
		assertThatThrownBy(() -> this.runAs.user("demo-police", () -> this.taskService.complete(task,
				Map.of("presumedVictim", true, "competentAuthority", "ngo"))))
			.isInstanceOf(InvalidFields.class);

		assertThat(this.taskService.createTaskQuery().taskId(task).count()).isOne();
		assertThat(this.runtimeService.createVariableInstanceQuery()
			.processInstanceIdIn(processOf(task))
			.variableName(NrmCaseProcess.Variables.COMPETENT_AUTHORITY)
			.list()).allSatisfy(variable -> assertThat(variable.getValue()).isNotEqualTo("ngo"));

		Api.Response completed = tasklist.post(ENGINE + "/task/" + task + "/submit-form",
				"{\"variables\":{\"presumedVictim\":{\"value\":true,\"type\":\"Boolean\"}}}");
		assertThat(completed.status()).as(completed.toString()).isEqualTo(204);
	}

	/** Critical: a deployment is code, and the trailing slash or the named engine used to let it in. */
	@Test
	void nobody_deploys_in_any_spelling_not_even_an_administrator_and_not_through_the_engine_either() {
		long before = this.repositoryService.createDeploymentQuery().count();
		String boundary = "side-door-boundary";
		String model = Bpmn.convertToString(Bpmn.createExecutableProcess("SideDoor")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.serviceTask()
			.camundaExpression("${'x'.toUpperCase()}")
			.endEvent()
			.done());
		String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
				+ "side-door\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"side-door.bpmn\"\r\n"
				+ "Content-Type: application/xml\r\n\r\n" + model + "\r\n--" + boundary + "--\r\n";
		MediaType type = new MediaType("multipart", "form-data", Map.of("boundary", boundary));
		Api.Client admin = this.api.as("demo-admin");

		for (String path : List.of("/engine-rest/deployment/create", "/engine-rest/deployment/create/",
				"/engine-rest/engine/default/deployment/create", "/engine-rest/engine/default/deployment/create/")) {
			assertThat(admin.postRaw(path, multipart, type).status()).as(path).isEqualTo(403);
		}
		WebappSession cockpit = WebappSession.signIn(this.api, "cockpit", "demo-admin", Api.DEMO_PASSWORD);
		assertThat(cockpit.postRaw(ENGINE + "/deployment/create/", multipart, type.toString()).status()).isEqualTo(403);
		assertThatThrownBy(() -> this.runAs.user("demo-admin", () -> this.repositoryService.createDeployment()
			.addString("side-door.bpmn", model)
			.deploy())).isInstanceOf(ActionRefused.class);

		assertThat(this.repositoryService.createDeploymentQuery().count()).isEqualTo(before);
	}

	/** High: an NGO worker claimed its task for a police officer, who then worked on it across agencies. */
	@Test
	void a_task_is_claimed_only_for_oneself() {
		String reference = this.journey.open("demo-ngo", ADULT_BY_NGO);
		String task = taskOf("demo-ngo", reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS);

		Api.Response claimed = tasklist("demo-ngo").post(ENGINE + "/task/" + task + "/claim", "{\"userId\":\"demo-police\"}");
		assertThat(claimed.status()).as(claimed.toString()).isEqualTo(403);
		assertThat(this.api.as("demo-ngo").post("/engine-rest/task/" + task + "/claim", body("userId", "demo-police"))
			.status()).isEqualTo(403);
		assertThatThrownBy(() -> this.runAs.user("demo-ngo", () -> this.taskService.claim(task, "demo-police")))
			.isInstanceOf(ActionRefused.class);

		assertThat(this.taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
		assertThat(this.api.as("demo-police").get("/api/tasks/" + task).status()).isEqualTo(404);
	}

	/** High: a supervisor set a police task's assignee to an NGO worker, who then read and completed it. */
	@Test
	void a_supervisor_hands_a_task_only_to_someone_it_is_for() {
		String reference = this.journey.open("demo-police", CaseJourney.ADULT_BY_POLICE);
		String task = taskOf("demo-police", reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS);
		WebappSession supervisor = tasklist("demo-supervisor");

		Api.Response toNgo = supervisor.post(ENGINE + "/task/" + task + "/assignee", "{\"userId\":\"demo-ngo\"}");
		assertThat(toNgo.status()).as(toNgo.toString()).isEqualTo(403);
		assertThat(toNgo.json().path("detail").asText()).contains("demo-ngo").contains("Police");
		assertThatThrownBy(() -> this.runAs.user("demo-supervisor", () -> this.taskService.setAssignee(task, "demo-ngo")))
			.isInstanceOf(ActionRefused.class);
		assertThat(this.taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
		assertThat(this.api.as("demo-ngo").get("/api/tasks/" + task).status()).isEqualTo(404);
		assertThat(tasklist("demo-ngo").get(ENGINE + "/task/" + task + "/form-variables").status()).isIn(403, 404);

		Api.Response toColleague = supervisor.post(ENGINE + "/task/" + task + "/assignee",
				"{\"userId\":\"" + SECOND_OFFICER + "\"}");
		assertThat(toColleague.status()).as(toColleague.toString()).isEqualTo(204);
		assertThat(this.taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(SECOND_OFFICER);
	}

	/**
	 * Need-to-know: our API answers a task the user may not see as one that does not exist, but Tasklist's claim and
	 * completion answered with our rules' refusals, which named the groups the task is for and whether someone held it.
	 */
	@Test
	void a_task_someone_may_not_see_is_not_described_to_them_on_any_path() {
		String reference = this.journey.open("demo-police", CaseJourney.ADULT_BY_POLICE);
		String task = taskOf("demo-police", reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS);
		WebappSession ngo = tasklist("demo-ngo");
		Api.Response ours = this.api.as("demo-ngo").post("/api/tasks/" + task + "/claim");
		assertThat(ours.status()).as(ours.toString()).isEqualTo(404);
		String noSuchTask = ours.json().path("detail").asText();

		List<Api.Response> unclaimed = List.of(
				ngo.post(ENGINE + "/task/" + task + "/claim", "{\"userId\":\"demo-ngo\"}"),
				ngo.post(ENGINE + "/task/" + task + "/assignee", "{\"userId\":\"demo-ngo\"}"),
				ngo.post(ENGINE + "/task/" + task + "/submit-form", "{\"variables\":{}}"),
				ngo.post(ENGINE + "/task/" + task + "/unclaim", "{}"));
		claim("demo-police", task);
		List<Api.Response> held = List.of(
				ngo.post(ENGINE + "/task/" + task + "/claim", "{\"userId\":\"demo-ngo\"}"),
				ngo.post(ENGINE + "/task/" + task + "/submit-form", "{\"variables\":{}}"),
				ngo.post(ENGINE + "/task/" + task + "/unclaim", "{}"),
				// Our API's answer, as it was before: the one the others should give.
				this.api.as("demo-ngo").post("/api/tasks/" + task + "/complete", Map.of()));
		for (Api.Response response : Stream.concat(unclaimed.stream(), held.stream()).toList()) {
			assertThat(response.status()).as(response.toString()).isEqualTo(404);
			assertThat(response.json().path("detail").asText()).as(response.toString()).isEqualTo(noSuchTask);
			assertThat(response.body()).doesNotContain("Police").doesNotContain("demo-police");
		}
		for (String read : List.of("", "/form", "/deployed-form", "/form-variables", "/identity-links", "/comment")) {
			Api.Response response = ngo.get(ENGINE + "/task/" + task + read);
			assertThat(response.status()).as(response.toString()).isIn(403, 404);
			assertThat(response.body()).as(read).doesNotContain("Police").doesNotContain("demo-police")
				.doesNotContain(VictimIdentificationProcess.KEY).doesNotContain("demo-ngo").doesNotContain(reference);
		}
		assertThatThrownBy(() -> this.runAs.user("demo-ngo", () -> this.taskService.claim(task, "demo-ngo")))
			.isInstanceOfSatisfying(ActionRefused.class, refused -> assertThat(refused.status()).isEqualTo(404));

		Api.Response colleague = tasklist(SECOND_OFFICER).post(ENGINE + "/task/" + task + "/claim",
				"{\"userId\":\"" + SECOND_OFFICER + "\"}");
		assertThat(colleague.status()).as("someone who may see it is told why: %s", colleague).isEqualTo(409);
		assertThat(this.taskService.createTaskQuery().taskId(task).singleResult().getAssignee())
			.isEqualTo("demo-police");
	}

	/** High: a supervisor claimed and completed the police-only witness protection task through our API. */
	@Test
	void a_supervisor_never_takes_or_completes_the_police_witness_protection_task() {
		String reference = cooperatingWithPolice();
		this.journey.complete("demo-police", reference, NrmCaseProcess.TASK_TAKE_STATEMENT,
				body("statementTaken", true, "statementReference", "ST/2026/0017"));
		String task = taskOf("demo-police", reference, NrmCaseProcess.TASK_ASSESS_WITNESS_PROTECTION);

		Api.Response claimed = this.api.as("demo-supervisor").post("/api/tasks/" + task + "/claim");
		assertThat(claimed.status()).as(claimed.toString()).isEqualTo(403);
		assertThat(tasklist("demo-supervisor").post(ENGINE + "/task/" + task + "/claim", "{\"userId\":\"demo-supervisor\"}")
			.status()).isEqualTo(403);
		Api.Response completed = this.api.as("demo-supervisor")
			.post("/api/tasks/" + task + "/complete", body("witnessProtectionNeeded", false));
		assertThat(completed.status()).isIn(403, 404, 409);
		assertThat(this.taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();

		claim("demo-police", task);
		assertThat(this.api.as("demo-supervisor").post("/api/tasks/" + task + "/complete",
				body("witnessProtectionNeeded", false)).status()).isIn(404, 409);
		assertThatThrownBy(() -> this.runAs.user("demo-supervisor",
				() -> this.taskService.complete(task, Map.of("witnessProtectionNeeded", false))))
			.isInstanceOf(ActionRefused.class);
		assertThat(this.taskService.createTaskQuery().taskId(task).count()).isOne();
	}

	/**
	 * Need-to-know: a guardian is appointed for one child, but the consent task is for the guardian group, and the
	 * engine granted that group the task: every guardian saw every child's consent task in Tasklist, with its case.
	 */
	@Test
	void a_guardian_sees_only_the_tasks_of_the_children_they_are_appointed_for() {
		String reference = childWithGuardian();
		String task = consentTask(reference);

		assertThat(this.api.as(GUARDIAN).get("/api/tasks/" + task).status()).isEqualTo(200);
		assertThat(guardiansFilter(GUARDIAN)).contains(task);
		assertThat(this.runAs.user(GUARDIAN, () -> this.taskService.createTaskQuery().taskId(task).count())).isOne();

		assertThat(this.api.as(SECOND_GUARDIAN).get("/api/tasks/" + task).status()).isEqualTo(404);
		assertThat(guardiansFilter(SECOND_GUARDIAN)).doesNotContain(task);
		assertThat(this.runAs.user(SECOND_GUARDIAN, () -> this.taskService.createTaskQuery().taskId(task).count()))
			.isZero();
		WebappSession other = tasklist(SECOND_GUARDIAN);
		assertThat(other.get(ENGINE + "/task/" + task).status()).isEqualTo(404);
		Api.Response variables = other.get(ENGINE + "/task/" + task + "/form-variables");
		assertThat(variables.status()).as(variables.toString()).isIn(403, 404);
		assertThat(variables.body()).doesNotContain(reference);

		// Nor is it handed to them by a supervisor (a child's guardian is changed by appointment, ADR 20).
		Api.Response handed = tasklist("demo-supervisor").post(ENGINE + "/task/" + task + "/assignee",
				"{\"userId\":\"" + SECOND_GUARDIAN + "\"}");
		assertThat(handed.status()).as(handed.toString()).isEqualTo(403);
		assertThat(handed.json().path("detail").asText()).contains("one person");
		assertThat(this.taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(GUARDIAN);
		// Nor released, after which nobody of the group would see it but our API would list it to every guardian.
		Api.Response released = tasklist(GUARDIAN).post(ENGINE + "/task/" + task + "/unclaim", "{}");
		assertThat(released.status()).as(released.toString()).isEqualTo(403);
		assertThat(this.api.as(GUARDIAN).post("/api/tasks/" + task + "/unclaim").status()).isEqualTo(403);
		// Nor does another guardian stand in for theirs: not added by a supervisor, not by an absence's cover.
		assertThatThrownBy(() -> this.runAs.user("demo-supervisor",
				() -> this.taskService.addCandidateUser(task, SECOND_GUARDIAN)))
			.isInstanceOf(ActionRefused.class);
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Brussels"));
		Api.Response absence = this.api.as("demo-supervisor").post("/api/oversight/absences", body("userId", GUARDIAN,
				"from", today.toString(), "to", today.plusDays(1).toString(), "substitute", SECOND_GUARDIAN, "reason",
				"In hospital"));
		assertThat(absence.status()).as(absence.toString()).isEqualTo(201);
		try {
			assertThat(this.taskService.getIdentityLinksForTask(task)).noneMatch(link -> SECOND_GUARDIAN.equals(
					link.getUserId()));
			assertThat(this.api.as(SECOND_GUARDIAN).get("/api/tasks/" + task).status()).isEqualTo(404);
		}
		finally {
			this.api.as("demo-supervisor").delete("/api/oversight/absences/" + absence.json().path("id").asText());
		}
		assertThat(this.taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(GUARDIAN);
		assertThat(this.api.as(SECOND_GUARDIAN).get("/api/tasks").body()).doesNotContain(task);
	}

	/** High: a second guardian completed the appointed guardian's consent task, audited as the appointed one. */
	@Test
	void only_the_guardian_who_holds_the_consent_task_completes_it() {
		String reference = childWithGuardian();
		String task = consentTask(reference);
		String consent = "{\"variables\":{\"consentToServices\":{\"value\":true,\"type\":\"Boolean\"},"
				+ "\"consentToShareWithAgencies\":{\"value\":\"[\\\"ngo\\\"]\",\"type\":\"Json\"},"
				+ "\"childViewsHeard\":{\"value\":true,\"type\":\"Boolean\"}}}";
		WebappSession other = tasklist(SECOND_GUARDIAN);

		// Another child's task: they may not see it, so they are told there is none (the test above).
		Api.Response submitted = other.post(ENGINE + "/task/" + task + "/submit-form", consent);
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(404);
		assertThat(other.post(ENGINE + "/task/" + task + "/claim", "{\"userId\":\"" + SECOND_GUARDIAN + "\"}").status())
			.isEqualTo(404);
		assertThat(other.post(ENGINE + "/task/" + task + "/assignee", "{\"userId\":\"" + SECOND_GUARDIAN + "\"}").status())
			.isEqualTo(404);
		assertThatThrownBy(() -> this.runAs.user(SECOND_GUARDIAN, () -> this.taskService.complete(task,
				Map.of("consentToServices", true, "childViewsHeard", true))))
			.isInstanceOf(ActionRefused.class);

		assertThat(this.taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(GUARDIAN);
	}

	/** Medium: a case started through the engine with someone else as its opener, and extra variables kept. */
	@Test
	void a_case_is_opened_only_with_its_start_form_and_its_opener_is_whoever_signed_in() {
		String definition = this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(NrmCaseProcess.KEY)
			.latestVersion()
			.singleResult()
			.getId();
		String intake = "\"referringAgency\":{\"value\":\"police\",\"type\":\"String\"},"
				+ "\"contactSetting\":{\"value\":\"PoliceOperation\",\"type\":\"String\"},"
				+ "\"ageGroup\":{\"value\":\"Adult\",\"type\":\"String\"},"
				+ "\"suspectedExploitation\":{\"value\":\"LabourExploitation\",\"type\":\"String\"},"
				+ "\"foreignNational\":{\"value\":false,\"type\":\"Boolean\"},"
				+ "\"interpreterNeeded\":{\"value\":false,\"type\":\"Boolean\"}";
		WebappSession police = tasklist("demo-police");
		long before = this.runtimeService.createProcessInstanceQuery().processDefinitionKey(NrmCaseProcess.KEY).count();

		assertThat(police.post(ENGINE + "/process-definition/key/NrmCase/start",
				"{\"variables\":{" + intake + "}}").status()).isEqualTo(403);
		assertThat(this.api.as("demo-police").post("/engine-rest/process-definition/key/NrmCase/start",
				Map.of("variables", Map.of())).status()).isEqualTo(403);
		Api.Response forged = police.post(ENGINE + "/process-definition/" + definition + "/submit-form",
				"{\"variables\":{" + intake + ",\"openedBy\":{\"value\":\"demo-social\",\"type\":\"String\"}}}");
		assertThat(forged.status()).as(forged.toString()).isEqualTo(400);
		assertThat(forged.json().path("errors").has("openedBy")).isTrue();
		Api.Response ownKey = police.post(ENGINE + "/process-definition/" + definition + "/submit-form",
				"{\"businessKey\":\"FAKE-2026-000001\",\"variables\":{" + intake + "}}");
		assertThat(ownKey.status()).as(ownKey.toString()).isEqualTo(400);
		assertThatThrownBy(() -> this.runAs.user("demo-police", () -> this.runtimeService
			.startProcessInstanceByKey(NrmCaseProcess.KEY, Map.of("referringAgency", "police", "openedBy", "demo-social"))))
			.isInstanceOf(InvalidFields.class);
		assertThatThrownBy(() -> this.runAs.user("demo-police", () -> this.runtimeService
			.createProcessInstanceByKey(NrmCaseProcess.KEY)
			.startBeforeActivity(NrmCaseProcess.TASK_RECORD_CONSENT)
			.execute())).isInstanceOf(ActionRefused.class);
		assertThatThrownBy(() -> this.runAs.user("demo-police",
				() -> this.runtimeService.startProcessInstanceByKey(VoluntaryReturnProcess.KEY, Map.of())))
			.isInstanceOf(ActionRefused.class);
		assertThat(this.runtimeService.createProcessInstanceQuery().processDefinitionKey(NrmCaseProcess.KEY).count())
			.isEqualTo(before);

		Api.Response opened = police.post(ENGINE + "/process-definition/" + definition + "/submit-form",
				"{\"variables\":{" + intake + "}}");
		assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
		String reference = this.runtimeService.createProcessInstanceQuery()
			.processInstanceId(opened.json().path("id").asText())
			.singleResult()
			.getBusinessKey();
		assertThat(this.cases.findByReference(reference).orElseThrow().openedBy()).isEqualTo("demo-police");
	}

	/** Medium: a BPMN error from the best-interests task switched a child to the adult track without an assessment. */
	@Test
	void no_bpmn_error_from_a_task_skips_the_age_assessment() {
		String reference = childWithGuardian();
		String task = taskOf("demo-social", reference, ChildProtectionProcess.TASK_DETERMINE_BEST_INTERESTS);
		claim("demo-social", task);
		String error = "{\"errorCode\":\"AssessedAsAdult\",\"errorMessage\":\"adult\"}";

		assertThat(tasklist("demo-social").post(ENGINE + "/task/" + task + "/bpmnError", error).status()).isEqualTo(403);
		assertThat(this.api.as("demo-social").postRaw("/engine-rest/task/" + task + "/bpmnError", error,
				MediaType.APPLICATION_JSON).status()).isEqualTo(403);
		assertThatThrownBy(() -> this.runAs.user("demo-social",
				() -> this.taskService.handleBpmnError(task, "AssessedAsAdult", "adult", Map.of("isChild", false))))
			.isInstanceOf(ActionRefused.class);
		assertThatThrownBy(() -> this.runAs.user("demo-social", () -> this.taskService.handleEscalation(task, "Late")))
			.isInstanceOf(ActionRefused.class);

		assertThat(this.cases.findByReference(reference).orElseThrow().ageGroup()).isEqualTo(AgeGroup.Uncertain);
		assertThat(this.journey.taskTypes("demo-social", reference)).contains(ChildProtectionProcess.TASK_ASSESS_AGE,
				ChildProtectionProcess.TASK_DETERMINE_BEST_INTERESTS);
	}

	/** Medium: after an adult assessment the former guardian still read the file and withdrew consent for the person. */
	@Test
	void a_guardians_access_and_authority_end_when_the_child_is_assessed_as_an_adult() {
		String reference = childWithGuardian();
		assertThat(this.api.as(GUARDIAN).get("/api/cases/" + reference).status()).isEqualTo(200);
		assertThat(this.api.as(GUARDIAN).get("/api/cases/" + reference + "/file/identity").status()).isEqualTo(200);

		this.journey.complete("demo-social", reference, ChildProtectionProcess.TASK_ASSESS_AGE,
				body("ageAssessment", "Adult", "assessmentMethod", "Documents"));

		assertThat(this.cases.findByReference(reference).orElseThrow().guardian()).isNull();
		Api.Client former = this.api.as(GUARDIAN);
		for (String section : List.of("identity", "health", "legal", "services")) {
			assertThat(former.get("/api/cases/" + reference + "/file/" + section).status()).as(section).isEqualTo(404);
		}
		assertThat(former.get("/api/cases/" + reference).status()).isEqualTo(404);
		assertThat(former.post("/api/cases/" + reference + "/consent-withdrawals", body("purpose", "PoliceCooperation"))
			.status()).isEqualTo(404);
		assertThat(this.taskService.createTaskQuery().processInstanceBusinessKey(reference).taskAssignee(GUARDIAN)
			.count()).isZero();
	}

	/** Low: validation failures, odd content types and closed resources answered 500. */
	@Test
	void refusals_on_the_engines_apis_are_4xx_problems_never_500() {
		String reference = this.journey.open("demo-police", CaseJourney.ADULT_BY_POLICE);
		String task = taskOf("demo-police", reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS);
		claim("demo-police", task);
		WebappSession tasklist = tasklist("demo-police");

		Api.Response invalid = tasklist.post(ENGINE + "/task/" + task + "/submit-form",
				"{\"variables\":{\"observedIndicators\":{\"value\":\"[\\\"NotAnIndicator\\\"]\",\"type\":\"Json\"}}}");
		assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
		assertThat(invalid.header("Content-Type")).startsWith("application/problem+json");
		assertThat(invalid.json().path("errors").has("observedIndicators")).isTrue();
		assertThat(invalid.json().path("message").asText()).contains("observedIndicators");
		assertThat(this.taskService.createTaskQuery().taskId(task).count()).isOne();

		Api.Client admin = this.api.as("demo-admin");
		Api.Response weak = admin.post("/engine-rest/user/create",
				body("profile", body("id", "sidedoor-weak"), "credentials", body("password", "short")));
		assertThat(weak.status()).as(weak.toString()).isEqualTo(400);
		assertThat(weak.json().path("errors").path("password").asText()).contains("or more characters");
		assertThat(this.identityService.createUserQuery().userId("sidedoor-weak").count()).isZero();

		// An id that names nothing: the engine's NullValueException, which its REST API answers 500.
		Api.Response unknown = admin.get("/engine-rest/task/no-such-task/variables");
		assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
		assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
		assertThat(unknown.json().path("detail").asText()).contains("no-such-task").contains("doesn't exist");

		// Reads the engine itself failed on with a NullPointerException (ReadsOfNothingRefused): the deployed form
		// of a task that does not exist, which Tasklist sends, and the metrics the service does not collect.
		Api.Response noForm = tasklist.get(ENGINE + "/task/no-such-task/deployed-form");
		assertThat(noForm.status()).as(noForm.toString()).isEqualTo(400);
		assertThat(noForm.header("Content-Type")).startsWith("application/problem+json");
		assertThat(noForm.json().path("detail").asText()).contains("No task found for taskId 'no-such-task'");
		Api.Response form = tasklist.get(ENGINE + "/task/" + task + "/deployed-form");
		assertThat(form.status()).as(form.toString()).isEqualTo(200);
		assertThat(form.json().path("components").isArray()).as(form.toString()).isTrue();
		for (String metrics : List.of("/engine-rest/metrics/activity-instance-start/sum", "/engine-rest/metrics",
				"/engine-rest/metrics/task-users/sum")) {
			Api.Response none = admin.get(metrics);
			assertThat(none.status()).as(metrics + " " + none).isEqualTo(400);
			assertThat(none.json().path("detail").asText()).as(metrics).contains("metrics are not collected");
		}

		for (String contentType : List.of("application/json; charset=foo", "application/json;charset",
				"application/json; =x", "application/json; charset=\"", "application/json; charset=utf-8; x=")) {
			assertThat(admin.postRaw("/engine-rest/task?maxResults=1", "{}", contentType).status()).as(contentType)
				.isBetween(200, 499);
			assertThat(tasklist.postRaw(ENGINE + "/task?maxResults=1", "{}", contentType).status()).as(contentType)
				.isBetween(200, 499);
		}
		for (Api.Client caller : List.of(admin, this.api.as("demo-police"))) {
			Api.Response condition = caller.post("/engine-rest/condition", body("variables", body()));
			assertThat(condition.status()).isEqualTo(403);
		}
	}

	// --- journeys ---

	private String screenedByPolice() {
		String reference = this.journey.open("demo-police", CaseJourney.ADULT_BY_POLICE);
		this.journey.complete("demo-police", reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS,
				CaseJourney.ADULT_LABOUR_INDICATORS);
		return reference;
	}

	/** Presumed a victim with reasonable grounds; consents to cooperate with police, who now take a statement. */
	private String cooperatingWithPolice() {
		String reference = screenedByPolice();
		this.journey.complete("demo-police", reference, VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME,
				body("presumedVictim", true));
		this.journey.complete("demo-authority", reference, VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS,
				body("reasonableGrounds", "Positive"));
		this.journey.complete("demo-police", reference, NrmCaseProcess.TASK_RECORD_CONSENT,
				body("consentToReferral", true, "consentToServices", true, "consentToShareWith", List.of("social"),
						"consentToPoliceCooperation", true));
		return reference;
	}

	/** A child of uncertain age, presumed a victim, with a guardian appointed; age and best interests to come. */
	private String childWithGuardian() {
		return this.journey.childWithGuardian(GUARDIAN);
	}

	// --- helpers ---

	/** The guardian's consent task of the case. */
	private String consentTask(String reference) {
		return this.taskService.createTaskQuery()
			.processInstanceBusinessKey(reference)
			.taskDefinitionKey(ChildProtectionProcess.TASK_RECORD_GUARDIAN_CONSENT)
			.singleResult()
			.getId();
	}

	private String taskOf(String userId, String reference, String taskType) {
		return this.journey.task(userId, reference, taskType).path("id").asText();
	}

	private void claim(String userId, String task) {
		Api.Response claimed = this.api.as(userId).post("/api/tasks/" + task + "/claim");
		assertThat(claimed.status()).as(claimed.toString()).isEqualTo(204);
	}

	private String processOf(String task) {
		return this.taskService.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
	}

	/** The ids of the tasks in the guardians' Tasklist filter, as this guardian's Tasklist lists them. */
	private List<String> guardiansFilter(String guardian) {
		WebappSession tasklist = tasklist(guardian);
		String filter = null;
		for (JsonNode candidate : tasklist.get(ENGINE + "/filter?resourceType=Task&firstResult=0&maxResults=100")
			.json()) {
			if ("guardian".equals(candidate.path("properties").path("nrmGroup").asText())) {
				filter = candidate.path("id").asText();
			}
		}
		assertThat(filter).as("the guardians' filter").isNotNull();
		Api.Response list = tasklist.postForHal(ENGINE + "/filter/" + filter + "/list?firstResult=0&maxResults=1000",
				"{}");
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		list.json().path("_embedded").path("task").forEach(found -> ids.add(found.path("id").asText()));
		return ids;
	}

	private WebappSession tasklist(String userId) {
		return WebappSession.signIn(this.api, "tasklist", userId, Api.DEMO_PASSWORD);
	}
}
