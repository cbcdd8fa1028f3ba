package org.opennrm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opennrm.test.Api.body;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.test.Api;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.DatabaseSnapshot;
import org.opennrm.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad requests, tried as a signed-in caseworker (or an administrator, where only they get past authorization) would
 * send them: each is refused with a 4xx that tells the caller what is wrong without internals, and leaves every table
 * of ours and of the engine's runtime and history exactly as it was.
 */
@IntegrationTest
class BadInputIT {

	/** Java serialization of the string "foo": harmless, but it must never be deserialized. */
	private static final String JAVA_SERIALIZED = "rO0ABXQAA2Zvbw==";

	private static final String XXE = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/hostname\">]>"
			+ "<x>&e;</x>";

	private static final Pattern STACK_TRACE = Pattern.compile("\\tat |\\bat [a-z]+\\.[a-z]+\\.|\\.java:\\d+");

	private static final Pattern CLASS_NAME = Pattern
		.compile("\\b(java|javax|jakarta|org|com)\\.[a-z]+\\.|\\b[A-Z][A-Za-z]*(Exception|Error)\\b");

	private static final Pattern SQL = Pattern
		.compile("(?i)\\bselect\\b.*\\bfrom\\b|\\binsert into\\b|\\bupdate\\b.*\\bset\\b|SQLState|JDBC|\\bACT_[A-Z]{2}_");

	/** A case opened by police with its screening task claimed, shared by the tests of one database. */
	private static String reference;

	private static String taskId;

	private static String processInstanceId;

	@Autowired
	Api api;

	@Autowired
	CaseJourney journey;

	@Autowired
	TaskService taskService;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	IdentityService identityService;

	@Autowired
	DataSource dataSource;

	@BeforeEach
	void aCaseWithAClaimedScreeningTask() {
		if (reference == null) {
			reference = this.journey.open("demo-police", CaseJourney.ADULT_BY_POLICE);
			taskId = this.journey.task("demo-police", reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS)
				.path("id")
				.asText();
			assertThat(this.api.as("demo-police").post("/api/tasks/" + taskId + "/claim").status()).isEqualTo(204);
			processInstanceId = this.taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
		}
	}

	@Test
	void malformed_json_is_refused_on_every_endpoint_that_takes_a_body() {
		Api.Client police = this.api.as("demo-police");

		assertNothingChanges(() -> List.of(
				police.postRaw("/api/cases", "{\"referringAgency\": \"police\",", MediaType.APPLICATION_JSON),
				police.postRaw("/api/tasks/" + taskId + "/complete", "{\"observedIndicators\": [", MediaType.APPLICATION_JSON),
				police.postRaw("/api/cases/" + reference + "/consent-withdrawals", "{purpose: PoliceCooperation}",
						MediaType.APPLICATION_JSON),
				police.postRaw("/api/cases/" + reference + "/return-requests", "\"reason\"", MediaType.APPLICATION_JSON)),
				400);
	}

	@Test
	void values_of_the_wrong_type_are_refused_without_coercion() {
		Api.Client police = this.api.as("demo-police");

		assertNothingChanges(() -> List.of(
				police.post("/api/cases", intakeWith("ageGroup", 42)),
				police.post("/api/cases", intakeWith("foreignNational", "yes")),
				// "true" and 0 look like booleans to a lenient parser; the intake takes only true and false.
				police.post("/api/cases", intakeWith("foreignNational", "true")),
				police.post("/api/cases", intakeWith("interpreterNeeded", 0)),
				police.post("/api/cases", intakeWith("contactSetting", List.of("Hotline"))),
				police.post("/api/tasks/" + taskId + "/complete", body("observedIndicators", "DeceivedAboutJob")),
				police.post("/api/tasks/" + taskId + "/complete", body("observedIndicators", List.of(Map.of("a", 1)))),
				police.post("/api/cases/" + reference + "/consent-withdrawals", body("purpose", 1)),
				police.post("/api/cases/" + reference + "/return-requests", body("reason", "\u202eNotAReason"))), 400);
	}

	@Test
	void unknown_fields_are_refused_rather_than_ignored_or_written() {
		Api.Client police = this.api.as("demo-police");

		List<Api.Response> responses = assertNothingChanges(() -> List.of(
				police.post("/api/cases", intakeWith("isChild", true)),
				police.post("/api/tasks/" + taskId + "/complete",
						body("observedIndicators", List.of("DeceivedAboutJob"), "competentAuthority", "ngo")),
				police.post("/api/cases/" + reference + "/consent-withdrawals",
						body("purpose", "PoliceCooperation", "recordedBy", "someone-else"))), 400);

		assertThat(responses.get(0).json().path("detail").asText()).isEqualTo("Unknown field 'isChild'.");
	}

	@Test
	void a_body_over_one_megabyte_is_refused_with_413_before_it_is_parsed() {
		String huge = "{\"observedIndicators\":[\"" + "x".repeat(1_100_000) + "\"]}";
		Api.Client police = this.api.as("demo-police");

		assertNothingChanges(() -> List.of(
				police.postRaw("/api/cases", huge, MediaType.APPLICATION_JSON),
				police.postRaw("/api/tasks/" + taskId + "/complete", huge, MediaType.APPLICATION_JSON)), 413);
	}

	@Test
	void a_body_that_is_not_json_is_refused_with_415_and_xml_is_never_parsed() {
		Api.Client police = this.api.as("demo-police");

		assertNothingChanges(() -> List.of(
				police.postRaw("/api/cases", XXE, MediaType.APPLICATION_XML),
				police.postRaw("/api/cases", "referringAgency=police", MediaType.APPLICATION_FORM_URLENCODED),
				police.postRaw("/api/tasks/" + taskId + "/complete", XXE, MediaType.TEXT_XML),
				police.postRaw("/api/tasks/" + taskId + "/complete", "observedIndicators", MediaType.TEXT_PLAIN),
				police.postRaw("/api/cases/" + reference + "/return-requests", "{\"reason\":\"Other\"}",
						MediaType.TEXT_PLAIN)), 415);
	}

	@Test
	void path_values_that_are_not_ids_are_refused_without_being_echoed() {
		Api.Client police = this.api.as("demo-police");

		List<Api.Response> notIds = assertNothingChanges(() -> List.of(
				police.post("/api/tasks/not-a-task-id-but-quite-long-text/claim"),
				police.post("/api/tasks/" + taskId + "'--/claim"),
				police.post("/api/notifications/probe-value/read"),
				police.post("/api/notifications/-1/read")), 400);
		List<Api.Response> unknown = assertNothingChanges(() -> List.of(
				police.post("/api/tasks/00000000-0000-0000-0000-000000000000/claim"),
				police.post("/api/tasks/00000000-0000-0000-0000-000000000000/unclaim")), 404);

		// The problem's instance is the request path the caller sent; the detail does not repeat the value.
		assertThat(notIds).allSatisfy(response -> assertThat(response.json().path("detail").asText())
			.doesNotContain("probe-value")
			.doesNotContain("not-a-task-id"));
		assertThat(unknown).isNotEmpty();
	}

	@Test
	void statistics_refuse_a_bad_year_jurisdiction_format_or_table_and_record_no_export() {
		Api.Client coordinator = this.api.as("demo-coordinator");
		assertNothingChanges(() -> List.of(
				coordinator.get("/api/statistics/national?year=20x6"),
				coordinator.get("/api/statistics/national?year=1200"),
				coordinator.get("/api/statistics/eurostat?year=2101"),
				coordinator.get("/api/statistics/regional?jurisdiction=atlantis"),
				coordinator.get("/api/statistics/ctdc?jurisdiction=coe'%20or%20'1'='1"),
				coordinator.get("/api/statistics/national?format=xlsx"),
				coordinator.get("/api/statistics/tables/NO_SUCH_TABLE")),
				400);
		assertNothingChanges(() -> List.of(coordinator.get("/api/statistics/tables/no-such-table")), 404);
	}

	@Test
	void a_body_the_engine_request_guard_cannot_read_is_refused_before_the_engine_reads_it() {
		Api.Client police = this.api.as("demo-police");

		assertNothingChanges(() -> List.of(
				police.postRaw("/engine-rest/task/" + taskId + "/complete", "{\"variables\": {", MediaType.APPLICATION_JSON),
				// Read by two parsers, a key given twice could mean one thing to the guard and another to the engine.
				police.postRaw("/engine-rest/task", "{\"orQueries\":[{\"assignee\":\"a\",\"assignee\":\"b\"}]}",
						MediaType.APPLICATION_JSON),
				police.postRaw("/api/cases/" + reference + "/consent-withdrawals",
						"{\"purpose\":\"PoliceCooperation\",\"purpose\":\"Referral\"}", MediaType.APPLICATION_JSON)),
				400);
	}

	@Test
	void java_serialized_variables_are_refused_through_the_engine_api_even_for_an_administrator() {
		Map<String, Object> serialized = body("value", JAVA_SERIALIZED, "type", "Object", "valueInfo",
				body("objectTypeName", "java.lang.String", "serializationDataFormat",
						"application/x-java-serialized-object"));

		assertNothingChanges(() -> List.of(
				this.api.as("demo-admin").put("/engine-rest/process-instance/" + processInstanceId + "/variables/probe",
						serialized),
				this.api.as("demo-admin").post("/engine-rest/process-instance/" + processInstanceId + "/variables",
						body("modifications", body("probe", serialized))),
				this.api.as("demo-police").post("/engine-rest/task/" + taskId + "/complete",
						body("variables", body("observedIndicators", body("value", "[]", "type", "Json"), "probe",
								serialized)))), 400);
		assertThat(this.taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
	}

	@Test
	void json_object_variables_of_a_type_off_the_allow_list_are_refused_through_the_engine_api() {
		Map<String, Object> processBuilder = body("value", "[\"touch\",\"/tmp/opennrm-pwned\"]", "type", "Object",
				"valueInfo", body("objectTypeName", "java.lang.ProcessBuilder", "serializationDataFormat",
						"application/json"));

		assertNothingChanges(() -> List.of(
				this.api.as("demo-admin").put("/engine-rest/process-instance/" + processInstanceId + "/variables/probe",
						processBuilder),
				this.api.as("demo-police").post("/engine-rest/task/" + taskId + "/complete",
						body("variables", body("observedIndicators", body("value", "[]", "type", "Json"), "probe",
								processBuilder)))), 400);
		assertThat(this.taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
		assertThat(Path.of("/tmp/opennrm-pwned")).doesNotExist();
	}

	@Test
	void xml_variables_with_a_doctype_are_refused_through_the_engine_api() {
		assertNothingChanges(() -> List.of(
				this.api.as("demo-admin").put("/engine-rest/process-instance/" + processInstanceId + "/variables/probe",
						body("value", XXE, "type", "Xml")),
				this.api.as("demo-admin").put("/engine-rest/process-instance/" + processInstanceId + "/variables/probe",
						body("value", XXE, "type", "Object", "valueInfo",
								body("objectTypeName", "java.lang.String", "serializationDataFormat", "application/xml")))),
				400);
	}

	@Test
	void the_engine_refuses_a_model_that_declares_an_external_entity(@TempDir Path directory) throws Exception {
		Path secret = Files.writeString(directory.resolve("secret.txt"), "opennrm-entity-was-expanded");
		String bpmn = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				+ "<!DOCTYPE definitions [<!ENTITY secret SYSTEM \"" + secret.toUri() + "\">]>\n"
				+ "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
				+ "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"probe\">"
				+ "<process id=\"Process_EntityProbe\" name=\"&secret;\" isExecutable=\"true\" "
				+ "camunda:historyTimeToLive=\"P1D\"><startEvent id=\"StartEvent_Probe\"/></process></definitions>";
		long deployments = this.repositoryService.createDeploymentQuery().count();
		DatabaseSnapshot before = DatabaseSnapshot.of(this.dataSource);

		assertThatThrownBy(() -> this.repositoryService.createDeployment()
			.name("entity-probe")
			.addString("EntityProbe.bpmn", bpmn)
			.deploy()).hasMessageContaining("DOCTYPE");

		assertThat(this.repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
		assertThat(this.repositoryService.createProcessDefinitionQuery().processDefinitionKey("Process_EntityProbe")
			.count()).isZero();
		assertThat(DatabaseSnapshot.of(this.dataSource).changesSince(before)).isEmpty();
	}

	@Test
	void a_database_failure_behind_the_engine_rest_api_answers_without_its_sql_or_exception() {
		Api.Response failed = this.api.as("demo-admin").post("/engine-rest/user/create", body("profile",
				body("id", "too-long-probe", "firstName", "x".repeat(300), "lastName", "Probe"), "credentials",
				body("password", "Xk7#vQ2-pL9!mZ")));

		assertThat(failed.status()).isEqualTo(500);
		assertThat(failed.headers().getContentType().toString()).startsWith("application/problem+json");
		assertThat(failed.body()).contains("Nothing was changed")
			.doesNotContainIgnoringCase("insert")
			.doesNotContainIgnoringCase("sql")
			.doesNotContain("Exception", "ACT_ID_USER", "\tat ");
		assertThat(this.identityService.createUserQuery().userId("too-long-probe").count()).isZero();
	}

	@Test
	void names_in_any_script_are_stored_and_returned_byte_exact() {
		// Names live in the identity store (caseworkers), never in process variables.
		String firstName = "Zoë Ðorđević 山田 👩🏽";
		String lastName = "\u0645\u0631\u064a\u0645 \u05e9\u05e8\u05d4 e\u0301 \ud840\udc0b";
		Api.Client admin = this.api.as("demo-admin");
		try {
			Api.Response created = admin.post("/engine-rest/user/create", body("profile", body("id", "unicode-probe",
					"firstName", firstName, "lastName", lastName, "email", "unicode@example.invalid"), "credentials",
					body("password", "Xk7#vQ2-pL9!mZ")));
			assertThat(created.status()).as(created.toString()).isEqualTo(204);

			JsonNode profile = admin.get("/engine-rest/user/unicode-probe/profile").json();
			Map<String, Object> stored = new JdbcTemplate(this.dataSource)
				.queryForMap("select FIRST_, LAST_ from ACT_ID_USER where ID_ = ?", "unicode-probe");

			assertSameBytes(profile.path("firstName").asText(), firstName);
			assertSameBytes(profile.path("lastName").asText(), lastName);
			assertSameBytes(storedValue(stored, "FIRST_"), firstName);
			assertSameBytes(storedValue(stored, "LAST_"), lastName);
			assertSameBytes(this.identityService.createUserQuery().userId("unicode-probe").singleResult().getFirstName(),
					firstName);
		}
		finally {
			this.identityService.deleteUser("unicode-probe");
		}
	}

	private static String storedValue(Map<String, Object> row, String column) {
		return (String) row.entrySet()
			.stream()
			.filter(entry -> entry.getKey().equalsIgnoreCase(column))
			.findFirst()
			.orElseThrow()
			.getValue();
	}

	private static void assertSameBytes(String actual, String expected) {
		assertThat(actual.getBytes(StandardCharsets.UTF_8)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
	}

	private static Map<String, Object> intakeWith(String field, Object value) {
		Map<String, Object> intake = new java.util.LinkedHashMap<>(CaseJourney.ADULT_BY_POLICE);
		intake.put(field, value);
		return intake;
	}

	/**
	 * Sends the requests; each must get a problem response of the status with no stack trace, class name or SQL, and
	 * no table of ours or of the engine's runtime and history may change.
	 */
	private List<Api.Response> assertNothingChanges(Supplier<List<Api.Response>> requests, int status) {
		DatabaseSnapshot before = DatabaseSnapshot.of(this.dataSource);
		List<Api.Response> responses = requests.get();
		DatabaseSnapshot after = DatabaseSnapshot.of(this.dataSource);

		assertThat(responses).allSatisfy(response -> assertCleanProblem(response, status));
		assertThat(after.changesSince(before)).isEmpty();
		return responses;
	}

	private static void assertCleanProblem(Api.Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Content-Type")).as(response.toString())
			.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JsonNode problem = response.json();
		assertThat(problem.path("type").isTextual()).as(response.toString()).isTrue();
		assertThat(problem.path("title").asText()).as(response.toString()).isNotBlank();
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("detail").asText()).as(response.toString()).isNotBlank();
		assertThat(response.body()).doesNotContainPattern(STACK_TRACE)
			.doesNotContainPattern(CLASS_NAME)
			.doesNotContainPattern(SQL)
			.doesNotContain("\"trace\"")
			.doesNotContain("\"exception\"");
	}
}
