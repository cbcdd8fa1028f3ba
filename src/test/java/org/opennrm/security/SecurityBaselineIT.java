package org.opennrm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opennrm.test.Api.body;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opennrm.test.Api;
import org.opennrm.test.FilterProbe;
import org.opennrm.test.IntegrationTest;
import org.opennrm.test.TestUsers;
import org.opennrm.test.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Every row of the table in SECURITY-BASELINE.md, read back from the running service: the engine's live
 * configuration, the Spring environment, and what HTTP clients see. Everything needs authentication except health and
 * the webapps' login pages; roles limit the rest. Tests run on plain HTTP in the {@code test} and {@code demo}
 * profiles; what differs in production (Secure cookies, no API page) is read from the {@code postgres} profile's
 * configuration as the service would resolve it.
 */
@IntegrationTest
class SecurityBaselineIT {

	@Autowired
	Api api;

	@Autowired
	IdentityService identityService;

	@Autowired
	ProcessEngine engine;

	@Autowired
	Environment environment;

	@Autowired
	WebApplicationContext context;

	@Autowired
	LoggingSystem loggingSystem;

	@Test
	void the_live_engine_holds_every_engine_setting_of_the_baseline() {
		ProcessEngineConfigurationImpl configuration = engineConfiguration();

		assertThat(configuration.isAuthorizationEnabled()).isTrue();
		assertThat(configuration.getAuthorizationCheckRevokes())
			.isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
		assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
		assertThat(configuration.isEnableXxeProcessing()).isFalse();
		assertThat(configuration.isEnableExpressionsInAdhocQueries()).isFalse();
		assertThat(configuration.isEnableExpressionsInStoredQueries()).isFalse();
		assertThat(configuration.getQueryMaxResultsLimit()).isBetween(2000, 10_000);
		assertThat(configuration.getHistoryLevel()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL);
		assertThat(configuration.isRestrictUserOperationLogToAuthenticatedUsers()).isTrue();
		assertThat(configuration.isWebappsAuthenticationLoggingEnabled()).isTrue();
		assertThat(configuration.isEnablePasswordPolicy()).isTrue();
		assertThat(configuration.getIdGenerator()).isInstanceOf(StrongUuidGenerator.class);
	}

	@Test
	void only_the_engines_own_value_classes_are_ever_deserialized() {
		ProcessEngineConfigurationImpl configuration = engineConfiguration();

		assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
		// Classes by name (plain values and the engine's collection classes), no package as a whole.
		assertThat(configuration.getDeserializationAllowedPackages()).isNotNull().isEmpty();
		assertThat(configuration.getDeserializationAllowedClasses()).contains("java.lang.String");
		assertThat(configuration.getDeserializationTypeValidator().validate("java.util.ArrayList")).isTrue();
		assertThat(configuration.getDeserializationTypeValidator().validate("java.lang.String")).isTrue();
		assertThat(configuration.getDeserializationTypeValidator().validate("java.lang.Runtime")).isFalse();
		assertThat(configuration.getDeserializationTypeValidator().validate("java.lang.ProcessBuilder")).isFalse();
		assertThat(configuration.getDeserializationTypeValidator()
			.validate("org.springframework.context.support.ClassPathXmlApplicationContext")).isFalse();
		assertThat(configuration.getDeserializationTypeValidator().validate("org.opennrm.cases.Case")).isFalse();
	}

	@Test
	void the_engines_apis_apply_engine_authorization_to_the_signed_in_user() {
		long allTasks = this.api.as("demo-admin").get("/engine-rest/task/count").json().path("count").asLong();
		WebappSession tasklist = WebappSession.signIn(this.api, "tasklist", "demo-social", Api.DEMO_PASSWORD);
		Api.Response socialTasks = tasklist.get("/camunda/api/engine/engine/default/task/count");

		assertThat(this.api.anonymous().get("/engine-rest/task/count").status()).isEqualTo(401);
		assertThat(socialTasks.status()).isEqualTo(200);
		assertThat(socialTasks.json().path("count").asLong()).isLessThan(allTasks);
		assertThat(tasklist.get("/camunda/api/engine/engine/default/authorization?maxResults=10").status())
			.isEqualTo(403);
	}

	@Test
	void the_webapps_session_and_csrf_cookies_are_http_only_where_they_can_be_and_same_site_strict() {
		WebappSession tasklist = WebappSession.signIn(this.api, "tasklist", "demo-police", Api.DEMO_PASSWORD);

		List<String> sessionCookies = cookies(tasklist, "JSESSIONID=");
		List<String> csrfCookies = cookies(tasklist, "XSRF-TOKEN=");
		assertThat(sessionCookies).isNotEmpty()
			.allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("HttpOnly")
				.containsIgnoringCase("SameSite=Strict"));
		// Tasklist's scripts read the CSRF token, so it cannot be HttpOnly; SameSite keeps it to our own pages.
		assertThat(csrfCookies).isNotEmpty()
			.allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("SameSite=Strict"));
	}

	@Test
	void the_production_profile_sends_secure_cookies_and_serves_no_api_page() {
		ConfigurableEnvironment production = resolved("postgres");

		assertThat(production.getProperty("server.servlet.session.cookie.secure", Boolean.class)).isTrue();
		assertThat(production.getProperty("server.servlet.session.cookie.http-only", Boolean.class)).isTrue();
		assertThat(production.getProperty("server.servlet.session.cookie.same-site")).isEqualToIgnoringCase("strict");
		assertThat(production.getProperty("camunda.bpm.webapp.csrf.enable-secure-cookie", Boolean.class)).isTrue();
		assertThat(production.getProperty("springdoc.swagger-ui.enabled", Boolean.class)).isFalse();
		assertThat(production.getProperty("spring.h2.console.enabled", Boolean.class)).isFalse();
		assertThat(production.getProperty("management.endpoints.web.exposure.include")).isEqualTo("health, prometheus");
		// Behind the TLS proxy the service must know a request came over HTTPS, or it never sends HSTS.
		assertThat(production.getProperty("server.forward-headers-strategy")).isEqualToIgnoringCase("native");
	}

	@Test
	void over_https_every_response_of_the_api_carries_hsts_and_over_plain_http_none_does() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context)
			.apply(SecurityMockMvcConfigurers.springSecurity())
			.build();

		MockHttpServletResponse secure = mvc.perform(MockMvcRequestBuilders.get("/actuator/health").secure(true))
			.andReturn()
			.getResponse();
		MockHttpServletResponse refused = mvc.perform(MockMvcRequestBuilders.get("/api/tasks").secure(true))
			.andReturn()
			.getResponse();

		assertThat(secure.getHeader("Strict-Transport-Security")).contains("max-age=31536000")
			.contains("includeSubDomains");
		assertThat(refused.getStatus()).isEqualTo(401);
		assertThat(refused.getHeader("Strict-Transport-Security")).contains("max-age=31536000");
		// RFC 6797: never over plain HTTP.
		assertThat(this.api.anonymous().get("/actuator/health").header("Strict-Transport-Security")).isNull();
	}

	/**
	 * Spring Security's chain runs without Spring MVC's handler lookup in front of it (MvcLookupLeftOut): a request
	 * that passes the chain carries no lookup.
	 */
	@Test
	void a_request_through_the_security_chain_carries_no_lookup_of_spring_mvcs_handler() throws Exception {
		Filter chain = this.context.getBean("springSecurityFilterChain", Filter.class);

		assertThat(FilterProbe.attributesSeenBehind(chain, "/actuator/health")).isNotEmpty()
			.noneMatch(name -> name.contains("HandlerMappingIntrospector"));
	}

	@Test
	void the_webapps_pages_carry_security_headers() {
		WebappSession tasklist = WebappSession.signIn(this.api, "tasklist", "demo-police", Api.DEMO_PASSWORD);
		Api.Response page = tasklist.get("/camunda/app/tasklist/default/");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors 'none'")
			.contains("object-src 'none'");
		assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(page.header("X-Frame-Options")).isNotNull();
	}

	/**
	 * The webapps' pages allow only the scripts that carry the nonce of their own Content-Security-Policy. Camunda 7
	 * keeps that nonce where every request shares it, so a page loaded while another request passed could carry the
	 * other's nonce, and the browser then ran none of the app's scripts (a page that never loads). The overlap is a
	 * matter of timing, so this test catches the fault by numbers (it failed at once on H2 and PostgreSQL before the
	 * fix); {@code RequestScopedCspNonceTest} shows the filter's part deterministically.
	 */
	@Test
	void each_webapp_page_carries_the_nonce_of_its_own_header_when_pages_load_concurrently() throws Exception {
		WebappSession admin = WebappSession.signIn(this.api, "admin", "demo-admin", Api.DEMO_PASSWORD);
		Pattern headerNonce = Pattern.compile("'nonce-([^']+)'");
		Pattern pageNonce = Pattern.compile("nonce=\"([^\"]*)\"");
		List<String> apps = List.of("admin", "cockpit", "tasklist", "welcome");
		ExecutorService loads = Executors.newFixedThreadPool(8);
		try {
			Map<Future<Api.Response>, String> pages = new LinkedHashMap<>();
			for (int i = 0; i < 200; i++) {
				String app = apps.get(i % apps.size());
				pages.put(loads.submit(() -> admin.get("/camunda/app/" + app + "/default/")), app);
			}
			for (Map.Entry<Future<Api.Response>, String> loaded : pages.entrySet()) {
				Api.Response page = loaded.getKey().get(1, TimeUnit.MINUTES);
				String app = loaded.getValue();
				Matcher header = headerNonce.matcher(String.valueOf(page.header("Content-Security-Policy")));
				assertThat(page.status()).as(app).isEqualTo(200);
				assertThat(header.find()).as("a nonce in the policy of " + app).isTrue();
				assertThat(pageNonce.matcher(page.body()).results().map(nonce -> nonce.group(1)))
					.as("the nonces of the scripts of " + app)
					.isNotEmpty()
					.containsOnly(header.group(1));
			}
		}
		finally {
			loads.shutdownNow();
		}
	}

	@Test
	void case_data_from_the_webapps_api_is_never_cached() {
		WebappSession tasklist = WebappSession.signIn(this.api, "tasklist", "demo-police", Api.DEMO_PASSWORD);

		Api.Response tasks = tasklist.get("/camunda/api/engine/engine/default/task?maxResults=5");
		Api.Response user = tasklist.get("/camunda/api/admin/auth/user/default");

		assertThat(tasks.status()).isEqualTo(200);
		assertThat(tasks.header("Cache-Control")).contains("no-store");
		assertThat(user.header("Cache-Control")).contains("no-store");
	}

	@Test
	void case_data_from_the_engine_rest_api_is_never_cached() {
		Api.Response tasks = this.api.as("demo-admin").get("/engine-rest/task?maxResults=5");
		Api.Response refused = this.api.as("demo-police").get("/engine-rest/task?maxResults=5");

		assertThat(tasks.status()).isEqualTo(200);
		assertThat(tasks.header("Cache-Control")).contains("no-store");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.header("Cache-Control")).contains("no-store");
	}

	@Test
	void there_is_no_database_console() {
		assertThat(this.environment.getProperty("spring.h2.console.enabled", Boolean.class, false)).isFalse();
		assertThat(this.api.as("demo-admin").get("/h2-console").status()).isIn(403, 404);
		assertThat(this.api.anonymous().get("/h2-console/").status()).isIn(401, 403, 404);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void failed_sign_ins_are_logged_with_the_user_but_never_the_password_tried(CapturedOutput output) {
		String apiAttempt = "Wr0ng-Api-Attempt-7731";
		String webappAttempt = "Wr0ng-Webapp-Attempt-7731";
		this.loggingSystem.setLogLevel("org.camunda.bpm.webapp", LogLevel.INFO);
		try {
			assertThat(this.api.as("demo-auditor", apiAttempt).get("/api/tasks").status()).isEqualTo(401);
			assertThatThrownBy(() -> WebappSession.signIn(this.api, "tasklist", "demo-guardian", webappAttempt))
				.hasMessageContaining("login of demo-guardian failed");
		}
		finally {
			this.loggingSystem.setLogLevel("org.camunda.bpm.webapp", null);
		}

		assertThat(output.getAll()).contains("Failed API authentication attempt for user 'demo-auditor'")
			.containsPattern("(?i)(login|authentication)[^\\n]*demo-guardian|demo-guardian[^\\n]*(login|authentication)")
			.doesNotContain(apiAttempt)
			.doesNotContain(webappAttempt);
	}

	private ProcessEngineConfigurationImpl engineConfiguration() {
		return (ProcessEngineConfigurationImpl) this.engine.getProcessEngineConfiguration();
	}

	private static List<String> cookies(WebappSession session, String prefix) {
		return session.setCookieHeaders().stream().filter(header -> header.startsWith(prefix)).toList();
	}

	/** The configuration the service resolves for a profile, without the machine's environment variables. */
	private static ConfigurableEnvironment resolved(String profile) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		ConfigDataEnvironmentPostProcessor.applyTo(environment, new DefaultResourceLoader(),
				new DefaultBootstrapContext(), List.of(profile));
		return environment;
	}

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
		TestUsers.ensureWithPassword(this.identityService, "throttle-probe", "Xk7#vQ2-pL9!mZ");
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
	void metrics_time_each_request_but_not_each_filter_of_the_security_chain() {
		assertThat(this.api.as("demo-police").get("/api/tasks").status()).isEqualTo(200);
		assertThat(this.api.as("demo-police").get("/api/no-such-resource").status()).isEqualTo(404);

		String metrics = this.api.as("demo-admin").get("/actuator/prometheus").body();

		assertThat(metrics).contains("http_server_requests_seconds_count{").contains("status=\"404\"")
			.doesNotContain("spring_security_");
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
	void the_webapps_send_visitors_to_the_sign_in_page_and_carry_our_branding() {
		Api.Response tasklist = this.api.anonymous().get("/camunda/app/tasklist/default/");
		Api.Response signIn = this.api.anonymous().get("/login");
		WebappSession signedIn = WebappSession.signIn(this.api, "tasklist", "demo-police", Api.DEMO_PASSWORD);
		Api.Response config = signedIn.get("/camunda/app/tasklist/scripts/config.js");
		Api.Response styles = signedIn.get("/camunda/app/cockpit/styles/user-styles.css");
		Api.Response script = signedIn.get("/camunda/app/opennrm/signin.js");

		assertThat(tasklist.status()).isEqualTo(302);
		assertThat(tasklist.header("Location")).endsWith("/login");
		assertThat(signIn.status()).isEqualTo(200);
		assertThat(signIn.header("Content-Security-Policy")).contains("default-src 'self'");
		assertThat(config.body()).contains("\"vendor\":\"OpenNRM\"").contains("\"disableWelcomeMessage\":true")
			.contains("\"customScripts\":[\"../opennrm/signin\",\"scripts/server-errors\"]");
		assertThat(styles.body()).contains(".ce-eol-banner");
		assertThat(script.body()).contains("/signout");
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
