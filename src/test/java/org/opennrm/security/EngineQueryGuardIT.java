package org.opennrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opennrm.test.Api;
import org.opennrm.test.IntegrationTest;
import org.opennrm.test.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The compensating control for the {@code orQueries} expression advisory against 7.24.0 and the body cap: tried as a
 * signed-in caseworker would, on the engine REST API and through Tasklist's API. The guard reads every request the
 * container maps to the engine's resources, before the operation guard: a caseworker, for whom the engine REST API is
 * closed, still gets the expression refusal (deployments: {@code EngineSideDoorsIT}).
 */
@IntegrationTest
class EngineQueryGuardIT {

	/** A harmless method call: evaluated, it would prove that JUEL reaches Java. */
	private static final String PAYLOAD = "${'opennrm'.toUpperCase()}";

	@Autowired
	Api api;

	@Test
	void an_expression_inside_or_queries_is_refused_on_the_engine_rest_api() {
		Api.Response response = this.api.as("demo-social")
			.post("/engine-rest/task", Map.of("orQueries", List.of(Map.of("assigneeExpression", PAYLOAD))));

		assertRefused(response);
	}

	@Test
	void an_expression_at_top_level_as_a_parameter_or_as_a_value_is_refused() {
		Api.Client social = this.api.as("demo-social");

		assertRefused(social.post("/engine-rest/task", Map.of("dueAfterExpression", PAYLOAD)));
		assertRefused(social.post("/engine-rest/task/count",
				Map.of("orQueries", List.of(Map.of("candidateGroup", "#{'x'.concat('y')}")))));
		assertRefused(social.get("/engine-rest/task?assigneeExpression=%24%7Bnow()%7D&maxResults=10"));
		assertRefused(social.get("/engine-rest/task?assignee=%24%7Bnow()%7D&maxResults=10"));
	}

	@Test
	void a_stored_filter_query_with_an_expression_is_refused() {
		assertRefused(this.api.as("demo-supervisor")
			.post("/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "Mine", "query",
					Map.of("orQueries", List.of(Map.of("assigneeExpression", PAYLOAD))))));
	}

	@Test
	void tasklists_own_path_to_the_engine_is_guarded_too() {
		WebappSession tasklist = WebappSession.signIn(this.api, "tasklist", "demo-social", Api.DEMO_PASSWORD);

		assertRefused(tasklist.post("/camunda/api/engine/engine/default/task?maxResults=15",
				"{\"orQueries\":[{\"assigneeExpression\":\"" + PAYLOAD + "\"}]}"));
		Api.Response plain = tasklist.post("/camunda/api/engine/engine/default/task?maxResults=15",
				"{\"orQueries\":[{\"candidateGroup\":\"social\"}]}");
		assertThat(plain.status()).as(plain.toString()).isEqualTo(200);
	}

	@Test
	void the_same_queries_without_expressions_still_work() {
		Api.Client admin = this.api.as("demo-admin");

		assertThat(admin.post("/engine-rest/task?maxResults=15",
				Map.of("orQueries", List.of(Map.of("assignee", "demo-social"), Map.of("candidateGroup", "social"))))
			.status()).isEqualTo(200);
		assertThat(admin.get("/engine-rest/task?candidateGroup=social&maxResults=15").status()).isEqualTo(200);
	}

	@Test
	void a_percent_escaped_spelling_of_the_engine_path_is_refused_before_any_check_could_miss_it() {
		Api.Response response = this.api.as("demo-social")
			.post("/engine%2Drest/task", Map.of("orQueries", List.of(Map.of("assigneeExpression", PAYLOAD))));

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.body()).doesNotContain("OPENNRM");
	}

	@Test
	void an_anonymous_caller_is_asked_to_sign_in_before_anything_is_parsed() {
		assertThat(this.api.anonymous()
			.post("/engine-rest/task", Map.of("orQueries", List.of(Map.of("assigneeExpression", PAYLOAD))))
			.status()).isEqualTo(401);
	}

	@Test
	void a_body_over_the_cap_is_refused_before_it_is_parsed() {
		String huge = "{\"referringAgency\":\"" + "x".repeat(1_100_000) + "\"}";

		Api.Response ours = this.api.as("demo-police").postRaw("/api/cases", huge, MediaType.APPLICATION_JSON);
		Api.Response engine = this.api.as("demo-police").postRaw("/engine-rest/task", huge, MediaType.APPLICATION_JSON);

		for (Api.Response response : List.of(ours, engine)) {
			assertThat(response.status()).isEqualTo(413);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		}
	}

	private static void assertRefused(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().path("detail").asText()).isEqualTo("Expressions are not allowed in requests to the engine.");
		assertThat(response.body()).doesNotContain("OPENNRM").doesNotContain("toUpperCase");
	}
}
