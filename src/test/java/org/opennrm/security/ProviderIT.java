package org.opennrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.assistance.AssistancePlanProcess;
import org.opennrm.test.Api;
import org.opennrm.test.BrowserScenarios;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.EngineJobs;
import org.opennrm.test.IntegrationTest;
import org.opennrm.test.ProviderTokens;
import org.opennrm.test.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yaml.snakeyaml.Yaml;
import testprovider.TestIdentityProvider;

/**
 * Sign-in through a real OpenID Connect provider started by the test (Spring Authorization Server in this JVM, over
 * HTTP; ADR 21): a caseworker signs in to Tasklist in Chromium and out again at the provider too; the engine sees the
 * token's user with only the mapped groups; API tokens for another audience, expired or revoked are refused; scopes
 * limit a token; the access matrix holds for token users of every role; HTTP Basic refuses roles that need a second
 * factor.
 */
@IntegrationTest
class ProviderIT {

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry properties) {
		String issuer = TestIdentityProvider.start();
		properties.add("spring.datasource.url", () -> "jdbc:h2:mem:opennrm-provider-it;DB_CLOSE_DELAY=-1;DEFAULT_NULL_ORDERING=HIGH");
		// An engine of its own name: the engine registry is one per JVM, and the shared test context's engine is
		// "default" (the webapps find their engine there by name).
		properties.add("camunda.bpm.process-engine-name", () -> ENGINE);
		properties.add("nrm.security.sign-in.provider.registration-id", () -> "test-provider");
		String client = "spring.security.oauth2.client.registration.test-provider.";
		properties.add(client + "client-id", () -> "opennrm");
		properties.add(client + "client-secret", () -> TestIdentityProvider.WEB_SECRET);
		properties.add(client + "client-name", () -> "Test provider");
		properties.add(client + "scope", () -> "openid,profile");
		properties.add(client + "authorization-grant-type", () -> "authorization_code");
		properties.add(client + "redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
		properties.add("spring.security.oauth2.client.provider.test-provider.issuer-uri", () -> issuer);
		properties.add("spring.security.oauth2.client.provider.test-provider.user-name-attribute",
				() -> "preferred_username");
		properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> issuer);
		properties.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> "opennrm-api");
		properties.add("spring.security.oauth2.resourceserver.opaquetoken.introspection-uri",
				() -> issuer + "/oauth2/introspect");
		properties.add("spring.security.oauth2.resourceserver.opaquetoken.client-id", () -> "opennrm");
		properties.add("spring.security.oauth2.resourceserver.opaquetoken.client-secret",
				() -> TestIdentityProvider.WEB_SECRET);
		for (String group : List.of("police", "ngo", "social", "health", "authority", "guardian", "coordinator",
				"supervisor", "auditor", "camunda-admin")) {
			properties.add("nrm.security.sign-in.provider.groups." + group, () -> group);
		}
		properties.add("nrm.security.sign-in.provider.clock-skew", () -> "0s");
		properties.add("nrm.security.sign-in.provider.introspection-cache", () -> "1s");
		// Basic as outside the demo: it cannot ask for a second factor, so it refuses the roles that need one.
		properties.add("nrm.security.sign-in.http-basic.without-second-factor", () -> "false");
	}

	static final String ENGINE = "provider";

	/**
	 * This service's engine in the engine REST API, by name: the unnamed spelling ({@code /engine-rest/task}) means the
	 * engine called "default" in the JVM's one engine registry, which in a test run is the shared test context's, not
	 * this service's (and with no other context running there is none: 400).
	 */
	static final String ENGINE_REST = "/engine-rest/engine/" + ENGINE;

	@Autowired
	Api api;

	@Autowired
	Environment environment;

	@Autowired
	IdentityService identityService;

	@Autowired
	CaseJourney journey;

	@Autowired
	EngineJobs jobs;

	@Autowired
	ObjectMapper objectMapper;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void theProviderKnowsWhereTheServiceRuns() {
		TestIdentityProvider.servicePort(() -> this.environment.getRequiredProperty("local.server.port", Integer.class));
	}

	@Test
	void a_caseworker_signs_in_to_tasklist_through_the_provider_and_out_there_too() {
		// A case for police, so the caseworker's Tasklist has something to show.
		String reference = this.journey.open("demo-police", CaseJourney.ADULT_BY_POLICE);

		JsonNode result = BrowserScenarios.run("provider-tasklist-sign-in",
				Map.of("baseUrl", "http://127.0.0.1:" + this.environment.getProperty("local.server.port"), "engine",
						ENGINE, "user", "ana.police", "password", TestIdentityProvider.PASSWORD));

		assertThat(result.path("userId").asText()).isEqualTo("ana.police");
		assertThat(result.path("authorizedApps").toString()).contains("tasklist").doesNotContain("cockpit")
			.doesNotContain("admin");
		assertThat(result.path("cards").toString()).contains(reference);
		assertThat(result.path("afterSignOut").asInt()).isEqualTo(401);
	}

	@Test
	void the_engine_sees_the_token_user_with_only_the_groups_the_mapping_names() {
		String token = ProviderTokens.token("ana.police", "opennrm-cli", scopes());

		assertThat(bearer(token, "/api/tasks").status()).isEqualTo(200);
		// A provider group the mapping does not name grants nothing; the user is mirrored with exactly the mapped ones.
		assertThat(this.identityService.createGroupQuery().groupMember("ana.police").list()).extracting(Group::getId)
			.containsExactly("police");
		assertThat(this.identityService.createUserQuery().userId("ana.police").singleResult()).isNotNull();
		// Police have no part of the engine REST API, token or not; an administrator's token does.
		assertThat(bearer(token, ENGINE_REST + "/user?maxResults=10").status()).isEqualTo(403);
		Api.Response administrator = bearer(ProviderTokens.token("cy.admin", "opennrm-cli", scopes()),
				ENGINE_REST + "/user?maxResults=10");
		assertThat(administrator.status()).as("%s", administrator).isEqualTo(200);
	}

	@Test
	void a_token_for_another_audience_an_expired_token_and_a_revoked_token_are_refused() throws Exception {
		String other = ProviderTokens.token("ana.police", "other-cli", scopes());
		Api.Response otherAudience = bearer(other, "/api/tasks");
		assertThat(otherAudience.status()).isEqualTo(401);
		assertThat(otherAudience.header("WWW-Authenticate")).contains("Bearer");

		String shortLived = ProviderTokens.token("ana.police", "short-cli", scopes());
		assertThat(bearer(shortLived, "/api/tasks").status()).isEqualTo(200);
		Thread.sleep(3_000);
		assertThat(bearer(shortLived, "/api/tasks").status()).isEqualTo(401);

		String revoked = ProviderTokens.token("ana.police", "opennrm-cli", scopes());
		assertThat(bearer(revoked, "/api/tasks").status()).isEqualTo(200);
		ProviderTokens.revoke(revoked, "opennrm-cli");
		// The introspection answer is kept 1 s here (nrm.security.sign-in.provider.introspection-cache).
		Thread.sleep(1_500);
		assertThat(bearer(revoked, "/api/tasks").status()).isEqualTo(401);

		assertThat(bearer("not.a.token", "/api/tasks").status()).isEqualTo(401);
	}

	@Test
	void a_tokens_scopes_limit_what_it_may_do_and_never_add_to_the_role() {
		String casesOnly = ProviderTokens.token("ana.police", "opennrm-cli", "opennrm-cases");
		String tasks = ProviderTokens.token("ana.police", "opennrm-cli", "opennrm-tasks");
		String oversight = ProviderTokens.token("ana.police", "opennrm-cli", "opennrm-oversight");

		assertThat(bearer(casesOnly, "/api/tasks").status()).isEqualTo(403);
		assertThat(bearer(tasks, "/api/tasks").status()).isEqualTo(200);
		// The oversight scope does not make a police officer a supervisor.
		assertThat(bearer(oversight, "/api/oversight/cases").status()).isEqualTo(403);
	}

	@Test
	void the_access_matrix_holds_for_token_users() throws IOException {
		String reference = this.journey.open("demo-police", CaseJourney.ADULT_BY_POLICE);
		Map<String, Set<String>> opens = Map.of("ana.police", Set.of("tasks of the case"), "bo.ngo", Set.of(),
				"di.social", Set.of(), "sam.supervisor", Set.of("oversight"), "cy.admin", Set.of("engine REST"));
		List<String> evidence = new ArrayList<>(List.of("| token user | operation | expected | actual |",
				"|---|---|---|---|"));
		SoftAssertions cells = new SoftAssertions();
		for (Map.Entry<String, Set<String>> user : opens.entrySet()) {
			String token = ProviderTokens.token(user.getKey(), "opennrm-cli", scopes());
			Api.Response tasks = bearer(token, "/api/tasks?caseReference=" + reference);
			String seen = tasks.status() != 200 ? String.valueOf(tasks.status())
					: tasks.body().contains(reference) ? "visible" : "none";
			cell(cells, evidence, user.getKey(), "tasks of the case",
					user.getValue().contains("tasks of the case") ? "visible" : "none", seen);
			cell(cells, evidence, user.getKey(), "oversight", user.getValue().contains("oversight") ? "200" : "403",
					String.valueOf(bearer(token, "/api/oversight/cases").status()));
			cell(cells, evidence, user.getKey(), "engine REST", user.getValue().contains("engine REST") ? "200" : "403",
					String.valueOf(bearer(token, ENGINE_REST + "/task?maxResults=5").status()));
			// The case's lead agency (police) and the supervisors' oversight read who the person is; to anyone else
			// the case is not there.
			cell(cells, evidence, user.getKey(), "case file identity",
					Set.of("ana.police", "sam.supervisor").contains(user.getKey()) ? "200" : "404",
					String.valueOf(bearer(token, "/api/cases/" + reference + "/file/identity").status()));
		}
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target", "access-matrix-tokens-" + (TestDatabase.isPostgres() ? "postgres" : "h2") + ".md"),
				evidence);
		cells.assertAll();
	}

	/**
	 * Issue 4's access matrix on our API, with token users of every role, on the case of {@link AccessMatrixIT}: social
	 * services lead, the NGO holds an open shelter hand-off, police cooperate, health services have no part. Each
	 * section is read and written (a write puts back what was read), and the case summary read. An agency's token user
	 * gets exactly what a password user of the same agency gets (AccessMatrixIT checks those cells against the policy
	 * file); the roles that need a second factor, which HTTP Basic refuses here, are checked against the policy file
	 * directly: their part in a case does not depend on the case (oversight for supervisors, none for the others).
	 */
	@Test
	void the_access_matrix_of_issue_4_holds_on_our_api_for_token_users_of_every_role() throws IOException {
		String reference = this.journey.adultWithShelterPlanDrafted();
		String supervisor = ProviderTokens.token("sam.supervisor", "opennrm-cli", scopes());
		String approve = bearerTasks(supervisor, reference).stream()
			.filter(task -> task.path("taskType").asText().equals(AssistancePlanProcess.TASK_APPROVE_ASSISTANCE_PLAN))
			.map(task -> task.path("id").asText())
			.findFirst()
			.orElseThrow();
		assertThat(bearer(supervisor, "POST", "/api/tasks/" + approve + "/claim", null).status()).isEqualTo(204);
		assertThat(bearer(supervisor, "POST", "/api/tasks/" + approve + "/complete", Api.body("planApproved", true))
			.status()).isEqualTo(204);
		this.jobs.runAll();

		Map<String, String> agencies = Map.of("ana.police", "demo-police", "di.social", "demo-social", "he.health",
				"demo-health", "bo.ngo", "demo-ngo", "au.authority", "demo-authority", "gu.guardian", "demo-guardian");
		Map<String, String> withSecondFactor = Map.of("sam.supervisor", "supervisor", "co.coordinator", "coordinator",
				"at.auditor", "auditor", "cy.admin", "camunda-admin");
		Map<String, Object> policy;
		try (InputStream in = Files.newInputStream(Path.of("config", "access-policy.yml"))) {
			policy = new Yaml().load(in);
		}
		List<String> evidence = new ArrayList<>(List.of("# Access matrix on our API with token users, case " + reference,
				"", "| token user | operation | expected | actual |", "|---|---|---|---|"));
		SoftAssertions cells = new SoftAssertions();
		for (Map.Entry<String, String> agency : new java.util.TreeMap<>(agencies).entrySet()) {
			String token = ProviderTokens.token(agency.getKey(), "opennrm-cli", scopes());
			Api.Client password = this.api.as(agency.getValue());
			for (String section : AccessMatrixIT.SECTIONS) {
				String path = "/api/cases/" + reference + "/file/" + section;
				cell(cells, evidence, agency.getKey(), "read " + section,
						String.valueOf(password.get(path).status()), String.valueOf(bearer(token, path).status()));
				cell(cells, evidence, agency.getKey(), "write " + section,
						String.valueOf(password.put(path, readBack(password.get(path))).status()),
						String.valueOf(bearer(token, "PUT", path, readBack(bearer(token, path))).status()));
			}
			cell(cells, evidence, agency.getKey(), "read case summary",
					String.valueOf(password.get("/api/cases/" + reference).status()),
					String.valueOf(bearer(token, "/api/cases/" + reference).status()));
		}
		for (Map.Entry<String, String> role : new java.util.TreeMap<>(withSecondFactor).entrySet()) {
			String token = ProviderTokens.token(role.getKey(), "opennrm-cli", scopes());
			boolean oversight = role.getValue().equals("supervisor");
			for (String section : AccessMatrixIT.SECTIONS) {
				String path = "/api/cases/" + reference + "/file/" + section;
				for (String operation : List.of("read", "write")) {
					String expected = !oversight ? "404"
							: grants(policy, role.getValue(), section, operation) ? "200" : "403";
					Api.Response actual = operation.equals("read") ? bearer(token, path)
							: bearer(token, "PUT", path, readBack(bearer(token, path)));
					cell(cells, evidence, role.getKey(), operation + " " + section, expected,
							String.valueOf(actual.status()));
				}
			}
			// The auditor reads every case's summary for the audit trail; no other of these roles is part of the case.
			cell(cells, evidence, role.getKey(), "read case summary",
					oversight || role.getValue().equals("auditor") ? "200" : "404",
					String.valueOf(bearer(token, "/api/cases/" + reference).status()));
		}
		cell(cells, evidence, "(no token)", "read identity", "401",
				String.valueOf(this.api.anonymous().get("/api/cases/" + reference + "/file/identity").status()));
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target",
				"access-matrix-tokens-sections-" + (TestDatabase.isPostgres() ? "postgres" : "h2") + ".md"), evidence);
		cells.assertAll();
	}

	/** Whether the policy file lets the role do this to the section under the oversight scope. */
	@SuppressWarnings("unchecked")
	private static boolean grants(Map<String, Object> policy, String group, String section, String operation) {
		Map<String, Map<String, List<String>>> sections = (Map<String, Map<String, List<String>>>) policy.get("sections");
		Map<String, Object> oversight = ((Map<String, Map<String, Object>>) policy.get("scopes")).get("oversight");
		return sections.get(section).get(operation).contains(group)
				&& ((List<String>) oversight.get("sections")).contains(section);
	}

	/** What a write puts back: the section as read (screenings and assessments are written by their tasks only). */
	private static Object readBack(Api.Response read) {
		if (read.status() != 200) {
			return Map.of();
		}
		ObjectNode content = (ObjectNode) read.json().path("content");
		content.remove(List.of("screenings", "assessments"));
		return content;
	}

	private List<JsonNode> bearerTasks(String token, String reference) {
		Api.Response tasks = bearer(token, "/api/tasks?maxResults=100&caseReference=" + reference);
		assertThat(tasks.status()).as(tasks.toString()).isEqualTo(200);
		List<JsonNode> found = new ArrayList<>();
		tasks.json().path("tasks").forEach(found::add);
		return found;
	}

	@Test
	void http_basic_refuses_roles_that_need_a_second_factor() {
		Api.Response admin = this.api.as("demo-admin").get("/api/tasks");

		assertThat(admin.status()).isEqualTo(401);
		assertThat(admin.body()).contains("second factor");
		assertThat(this.api.as("demo-police").get("/api/tasks").status()).isEqualTo(200);
	}

	private static void cell(SoftAssertions cells, List<String> evidence, String user, String operation,
			String expected, String actual) {
		evidence.add("| " + user + " | " + operation + " | " + expected + " | " + actual + " |");
		cells.assertThat(actual).as("%s: %s", user, operation).isEqualTo(expected);
	}

	private static String scopes() {
		return String.join(" ", TestIdentityProvider.SCOPES);
	}

	private Api.Response bearer(String token, String path) {
		HttpRequest request = HttpRequest.newBuilder(this.api.uri(path)).header("Authorization", "Bearer " + token)
			.GET().build();
		return ProviderTokens.send(this.http, request);
	}

	private Api.Response bearer(String token, String method, String path, Object body) {
		try {
			HttpRequest request = HttpRequest.newBuilder(this.api.uri(path))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(this.objectMapper.writeValueAsString(body)))
				.build();
			return ProviderTokens.send(this.http, request);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
