package org.opennrm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennrm.test.Api.body;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.opennrm.test.Api;
import org.opennrm.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Everything needs authentication except health and the webapps' login pages; roles limit the rest. */
@IntegrationTest
class SecurityBaselineIT {

	@Autowired
	Api api;

	@Autowired
	IdentityService identityService;

	@Test
	void an_anonymous_caller_cannot_create_a_user_and_make_it_an_administrator_through_the_engine_api() {
		Api.Response created = this.api.anonymous()
			.post("/engine-rest/user/create", body("profile", body("id", "intruder-anon", "firstName", "Intruder", "lastName",
					"Unknown", "email", "i@example.invalid"), "credentials", body("password", "Xk7#vQ2-pL9!mZ")));
		Api.Response joined = this.api.anonymous().put("/engine-rest/group/camunda-admin/members/intruder-anon", null);

		assertThat(created.status()).isEqualTo(401);
		assertThat(joined.status()).isEqualTo(401);
		assertThat(this.identityService.createUserQuery().userId("intruder-anon").count()).isZero();
	}

	@Test
	void a_caseworker_cannot_create_users_or_join_the_administrators() {
		Api.Response created = this.api.as("demo-social")
			.post("/engine-rest/user/create", body("profile", body("id", "intruder-social", "firstName", "Intruder", "lastName",
					"Unknown", "email", "i@example.invalid"), "credentials", body("password", "Xk7#vQ2-pL9!mZ")));
		Api.Response joined = this.api.as("demo-social").put("/engine-rest/group/camunda-admin/members/demo-social", null);

		assertThat(created.status()).isEqualTo(403);
		assertThat(joined.status()).isEqualTo(403);
		assertThat(this.identityService.createUserQuery().userId("intruder-social").count()).isZero();
		assertThat(this.identityService.createUserQuery().userId("demo-social").memberOfGroup("camunda-admin").count()).isZero();
	}

	@Test
	void an_administrator_manages_users_through_the_same_identity_store() {
		Api.Response created = this.api.as("demo-admin")
			.post("/engine-rest/user/create", body("profile", body("id", "new-caseworker", "firstName", "New",
					"lastName", "Worker", "email", "n@example.invalid"), "credentials",
					body("password", "Welcome-NRM-2026!")));
		Api.Response joined = this.api.as("demo-admin").put("/engine-rest/group/ngo/members/new-caseworker", null);

		assertThat(created.status()).isEqualTo(204);
		assertThat(joined.status()).isEqualTo(204);
		assertThat(this.api.as("new-caseworker", "Welcome-NRM-2026!").get("/api/tasks").status()).isEqualTo(200);
		this.identityService.deleteUser("new-caseworker");
		assertThat(this.api.as("new-caseworker", "Welcome-NRM-2026!").get("/api/tasks").status()).isEqualTo(401);
	}

	@Test
	void our_api_refuses_anonymous_callers_with_a_problem_response() {
		Api.Response response = this.api.anonymous().get("/api/tasks");

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("Content-Type")).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
		assertThat(response.json().path("status").asInt()).isEqualTo(401);
	}

	@Test
	void a_wrong_password_and_an_unknown_user_get_the_same_answer_and_failures_are_throttled() {
		createUser("throttle-probe", "Xk7#vQ2-pL9!mZ");
		Api.Response wrongPassword = this.api.as("throttle-probe", "not-the-password").get("/api/tasks");
		Api.Response unknownUser = this.api.as("nobody-at-all", "not-the-password").get("/api/tasks");
		// The engine delays the next attempt after a failure: even the right password waits.
		Api.Response rightPasswordTooSoon = this.api.as("throttle-probe", "Xk7#vQ2-pL9!mZ").get("/api/tasks");

		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(unknownUser.status()).isEqualTo(401);
		assertThat(wrongPassword.json().path("detail")).isEqualTo(unknownUser.json().path("detail"));
		assertThat(rightPasswordTooSoon.status()).isEqualTo(401);
		assertThat(rightPasswordTooSoon.json().path("detail")).isEqualTo(unknownUser.json().path("detail"));
		this.identityService.deleteUser("throttle-probe");
	}

	private void createUser(String id, String password) {
		if (this.identityService.createUserQuery().userId(id).count() == 0) {
			org.camunda.bpm.engine.identity.User user = this.identityService.newUser(id);
			user.setFirstName("Probe");
			user.setLastName("User");
			user.setPassword(password);
			this.identityService.saveUser(user);
		}
	}

	@Test
	void health_is_open_with_liveness_and_readiness_and_shows_no_details() {
		Api.Response health = this.api.anonymous().get("/actuator/health");
		Api.Response liveness = this.api.anonymous().get("/actuator/health/liveness");
		Api.Response readiness = this.api.anonymous().get("/actuator/health/readiness");

		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().path("status").asText()).isEqualTo("UP");
		assertThat(health.json().has("components")).isFalse();
		assertThat(liveness.status()).isEqualTo(200);
		assertThat(readiness.status()).isEqualTo(200);
	}

	@Test
	void metrics_are_for_administrators_only() {
		assertThat(this.api.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
		assertThat(this.api.as("demo-supervisor").get("/actuator/prometheus").status()).isEqualTo(403);
		Api.Response metrics = this.api.as("demo-admin").get("/actuator/prometheus");
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes");
	}

	@Test
	void other_actuator_endpoints_are_closed_even_to_administrators() {
		assertThat(this.api.as("demo-admin").get("/actuator/env").status()).isIn(403, 404);
		assertThat(this.api.as("demo-admin").get("/actuator/beans").status()).isIn(403, 404);
	}

	@Test
	void the_api_description_is_served_to_signed_in_users() {
		assertThat(this.api.anonymous().get("/v3/api-docs").status()).isEqualTo(401);
		Api.Response description = this.api.as("demo-police").get("/v3/api-docs");

		assertThat(description.status()).isEqualTo(200);
		assertThat(description.json().path("paths").has("/api/tasks")).isTrue();
		assertThat(description.json().path("paths").has("/api/cases")).isTrue();
	}

	@Test
	void the_interactive_api_page_is_served_in_the_demo_profile() {
		assertThat(this.api.as("demo-police").get("/swagger-ui/index.html").status()).isEqualTo(200);
	}

	@Test
	void nobody_can_use_the_webapps_first_administrator_setup() {
		Api.Response setup = this.api.anonymous()
			.post("/camunda/api/admin/setup/default/user/create", body("profile", body("id", "intruder-setup",
					"firstName", "Intruder", "lastName", "Unknown"), "credentials", body("password", "Xk7#vQ2-pL9!mZ")));

		assertThat(setup.status()).isIn(401, 403);
		assertThat(this.identityService.createUserQuery().userId("intruder-setup").count()).isZero();
	}

	@Test
	void the_webapps_login_pages_are_open_and_carry_our_branding() {
		Api.Response tasklist = this.api.anonymous().get("/camunda/app/tasklist/default/");
		Api.Response config = this.api.anonymous().get("/camunda/app/tasklist/scripts/config.js");
		Api.Response styles = this.api.anonymous().get("/camunda/app/cockpit/styles/user-styles.css");

		assertThat(tasklist.status()).isEqualTo(200);
		assertThat(config.body()).contains("vendor: 'OpenNRM'").contains("disableWelcomeMessage: true");
		assertThat(styles.body()).contains(".ce-eol-banner");
	}

	@Test
	void api_responses_carry_security_headers() {
		Api.Response response = this.api.as("demo-police").get("/api/tasks");

		assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
		assertThat(response.header("Cache-Control")).contains("no-store");
		assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
	}
}
