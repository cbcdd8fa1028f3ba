package org.opennrm.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.opennrm.cases.Cases;
import org.opennrm.casework.NrmCaseProcess;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.test.Api;
import org.opennrm.test.BrowserScenarios;
import org.opennrm.test.EngineJobs;
import org.opennrm.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The mobile teams' field page. In headless Chromium at 375 px on a throttled slow connection: a police officer of a
 * team opens a case and screens it, the connection drops mid-way and comes back without a lost answer or a second
 * case; after the competent authority's decision an NGO worker of the same team resumes on another phone, records
 * consent and the case goes to case management. axe checks every page state; the device's storage is looked at
 * afterwards. Over HTTP: who may use the page, and a refused form that changes nothing.
 */
@IntegrationTest
class FieldIT {

	static final List<String> INDICATORS = List.of("DeceivedAboutJob", "ViolenceDuringRecruitment", "ExcessiveHours",
			"LowOrNoPay", "PapersKept", "DebtBondage");

	@Autowired
	Api api;

	@Autowired
	EngineJobs jobs;

	@Autowired
	Cases cases;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@Test
	void a_team_screens_on_a_phone_through_a_dropped_connection_and_hands_over_from_another_phone() {
		long before = openedBy("demo-field-police");
		JsonNode screened = BrowserScenarios.run("field-screen-on-phone", Map.of("baseUrl", baseUrl(), "user",
				"demo-field-police", "password", Api.DEMO_PASSWORD, "indicators", INDICATORS));

		String reference = screened.path("caseReference").asText();
		assertThat(openedBy("demo-field-police")).as("one case, whatever was sent twice").isEqualTo(before + 1);
		assertThat(this.cases.findByReference(reference)).hasValueSatisfying(opened -> {
			assertThat(opened.leadAgency()).isEqualTo("team-north");
			assertThat(opened.openedBy()).isEqualTo("demo-field-police");
		});
		assertThat(screened.path("recommendation").asText()).contains("presume the person a victim");
		assertThat(screened.path("seconds").asDouble()).as("scripted screening time").isLessThan(180);
		assertThat(screened.path("cacheable")).as("responses without no-store").isEmpty();
		assertThat(screened.path("urls").toString()).as("no case data in addresses").doesNotContain(reference);
		assertNothingOnTheDevice(screened.path("storage"), reference);
		assertThat(this.jdbc.sql("select count(*) from nrm_field_screening where case_reference = :r and answers is null")
			.param("r", reference).query(Long.class).single()).as("answers leave the draft once submitted").isEqualTo(1);

		// The competent authority decides (in its own tools), and the pathway moves on.
		this.jobs.runAll();
		decideReasonableGrounds(reference);
		this.jobs.runAll();

		JsonNode resumed = BrowserScenarios.run("field-resume-on-another-phone", Map.of("baseUrl", baseUrl(), "user",
				"demo-field-ngo", "password", Api.DEMO_PASSWORD, "caseReference", reference));
		this.jobs.runAll();
		assertThat(this.cases.findByReference(reference)).hasValueSatisfying(
				handedOver -> assertThat(handedOver.leadAgency()).isEqualTo(NrmCaseProcess.CASE_MANAGEMENT_AGENCY));
		assertThat(resumed.path("cacheable")).isEmpty();
		assertThat(resumed.path("urls").toString()).doesNotContain(reference);
		assertNothingOnTheDevice(resumed.path("storage"), reference);
		System.out.printf("field screening: %d bytes in %d requests, time to interactive %s ms (home) and %s ms "
				+ "(screening), %.1f s of scripted input%n", screened.path("bytes").asLong(),
				screened.path("requests").asInt(), screened.path("tti").path("home"),
				screened.path("tti").path("screening"), screened.path("seconds").asDouble());
		writeFigures(screened);
	}

	@Test
	void only_members_of_a_mobile_team_use_the_field_page() throws Exception {
		assertThat(this.api.anonymous().get("/field").status()).isEqualTo(302);
		assertThat(signedIn("demo-police").get("/field").statusCode()).isEqualTo(403);
		assertThat(signedIn("demo-ngo").get("/field").statusCode()).isEqualTo(403);
		HttpResponse<String> page = signedIn("demo-field-social").get("/field");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
	}

	@Test
	void a_refused_opening_form_says_why_and_opens_nothing() throws Exception {
		Session member = signedIn("demo-field-social");
		long before = this.cases.count();
		String form = "requestId=" + UUID.randomUUID() + "&team=team-north&contactSetting=Nowhere&ageGroup=Adult"
				+ "&suspectedExploitation=LabourExploitation&foreignNational=true&interpreterUsed=false";
		HttpResponse<String> refused = member.post("/field/cases", form);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		HttpResponse<String> otherTeam = member.post("/field/cases", form.replace("Nowhere", "Outreach")
			.replace("team-north", "team-south"));
		assertThat(otherTeam.statusCode()).isEqualTo(403);
		assertThat(this.cases.count()).isEqualTo(before);
	}

	private static void assertNothingOnTheDevice(JsonNode storage, String reference) {
		assertThat(storage.path("local")).as("localStorage").isEmpty();
		assertThat(storage.path("session")).as("sessionStorage").isEmpty();
		assertThat(storage.path("databases")).as("IndexedDB").isEmpty();
		assertThat(storage.path("caches")).as("Cache Storage").isEmpty();
		assertThat(storage.path("workers").asInt()).as("service workers").isZero();
		for (JsonNode cookie : storage.path("cookies")) {
			assertThat(cookie.path("name").asText()).as("only the session's cookies")
				.isIn("JSESSIONID", "XSRF-TOKEN");
			assertThat(cookie.path("httpOnly").asBoolean() || cookie.path("name").asText().equals("XSRF-TOKEN")).isTrue();
			assertThat(cookie.path("value").asText()).doesNotContain(reference).doesNotContain("demo-field");
		}
	}

	private void decideReasonableGrounds(String reference) {
		Api.Client authority = this.api.as("demo-authority");
		JsonNode tasks = authority.get("/api/tasks?caseReference=" + reference).json().path("tasks");
		String taskId = null;
		for (JsonNode task : tasks) {
			if (task.path("taskType").asText().equals(VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS)) {
				taskId = task.path("id").asText();
			}
		}
		assertThat(taskId).as("the competent authority's decision is waiting").isNotNull();
		assertThat(authority.post("/api/tasks/" + taskId + "/claim").status()).isEqualTo(204);
		assertThat(authority.post("/api/tasks/" + taskId + "/complete", Api.body("reasonableGrounds", "Positive"))
			.status()).isEqualTo(204);
	}

	private long openedBy(String user) {
		return this.jdbc.sql("select count(*) from nrm_case where opened_by = :user").param("user", user)
			.query(Long.class).single();
	}

	private void writeFigures(JsonNode screened) {
		try {
			java.nio.file.Path out = java.nio.file.Path.of("target", "field-bench-"
					+ System.getProperty("nrm.test.database", "h2") + ".json");
			java.nio.file.Files.createDirectories(out.getParent());
			java.nio.file.Files.writeString(out, Map.of("bytes", screened.path("bytes").asLong(), "requests",
					screened.path("requests").asInt(), "ttiHomeMs", screened.path("tti").path("home").asLong(),
					"ttiScreeningMs", screened.path("tti").path("screening").asLong(), "seconds",
					screened.path("seconds").asDouble()).entrySet().stream()
				.map(entry -> "\"" + entry.getKey() + "\": " + entry.getValue())
				.collect(Collectors.joining(", ", "{", "}\n")));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String baseUrl() {
		return "http://localhost:" + this.environment.getRequiredProperty("local.server.port");
	}

	/** A browser-like session: form sign-in with the page's CSRF token, then the session cookie. */
	private Session signedIn(String user) throws Exception {
		Session session = new Session();
		String login = session.get("/login").body();
		session.post("/login", "username=" + user + "&password="
				+ URLEncoder.encode(Api.DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf(login));
		String home = session.get("/field").body();
		session.token = csrf(home);
		return session;
	}

	private static String csrf(String html) {
		Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		return token.find() ? token.group(1) : "";
	}

	private final class Session {

		final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		String token = "";

		HttpResponse<String> get(String path) throws Exception {
			return this.client.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path, String form) throws Exception {
			String body = form.contains("_csrf=") ? form : form + "&_csrf=" + this.token;
			return this.client.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
	}
}
