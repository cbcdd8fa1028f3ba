package org.opennrm.i18n;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DateFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opennrm.child.ChildProtectionProcess;
import org.opennrm.i18n.internal.CatalogueTexts;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.test.Api;
import org.opennrm.test.BrowserScenarios;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.IntegrationTest;
import org.opennrm.test.SecondFactorCodes;
import org.opennrm.test.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The languages in headless Chromium, as people use them: a supervisor and an auditor choose their language on a page
 * and every page of theirs follows (lang set, headings from the catalogue, axe passing); a social worker whose chosen
 * language is Macedonian gets Tasklist, a task's name and the service's refusal of a value in Macedonian; and in the
 * pseudo-language no page, task list or task form visited shows a word that did not come from a catalogue. On H2
 * only: what a page says does not depend on the database, and the API's answers are tested on both (LanguageIT).
 */
@IntegrationTest
class LanguagePagesIT {

	private static final Locale MACEDONIAN = Locale.forLanguageTag("mk");

	private static final Locale ALBANIAN = Locale.forLanguageTag("sq");

	private static final List<String> USERS = List.of("demo-supervisor", "demo-auditor", "demo-social", "demo-police",
			"demo-field-police");

	@Autowired
	Api api;

	@Autowired
	CaseJourney journey;

	@Autowired
	Environment environment;

	@Autowired
	IdentityService identityService;

	@AfterEach
	void forgetChoices() {
		USERS.forEach(user -> this.api.as(user).delete("/api/me/language"));
	}

	@Test
	void a_supervisor_and_an_auditor_choose_their_language_on_a_page_and_every_page_follows() {
		assumeFalse(TestDatabase.isPostgres(), "pages are tested on H2; the API's languages on both databases");
		// One sign-in each (a second factor allows one per 30 s), then one language and another on the same session.
		List<Locale> languages = List.of(MACEDONIAN, ALBANIAN);
		JsonNode supervisor = BrowserScenarios.run("languages-chosen-on-a-page", Map.of("baseUrl", baseUrl(),
				"user", "demo-supervisor", "password", Api.DEMO_PASSWORD, "codes", codes("demo-supervisor"),
				"languages", languages.stream().map(language -> Map.of("language", language.toLanguageTag(), "pages",
						List.of(page("/oversight", language, "page.oversight.title"),
								page("/statistics", language, "page.statistics.title"),
								page("/account", language, "page.account.title")))).toList()));
		JsonNode auditor = BrowserScenarios.run("languages-chosen-on-a-page", Map.of("baseUrl", baseUrl(), "user",
				"demo-auditor", "password", Api.DEMO_PASSWORD, "codes", codes("demo-auditor"), "languages",
				languages.stream().map(language -> Map.of("language", language.toLanguageTag(), "pages",
						List.of(page("/audit", language, "page.audit.title")))).toList()));

		for (Locale language : languages) {
			String tag = language.toLanguageTag();
			assertThat(langs(supervisor, "seen", tag)).as("the supervisor's pages in %s", tag).containsOnly(tag)
				.hasSize(3);
			assertThat(langs(auditor, "seen", tag)).as("the auditor's page in %s", tag).containsExactly(tag);
			for (JsonNode walk : List.of(supervisor, auditor)) {
				assertThat(langs(walk, "kept", tag))
					.as("the choice of %s kept for the user, not only in the browser", tag)
					.containsExactly(tag);
			}
		}
		assertThat(this.api.as("demo-supervisor").get("/api/me/language").json().path("language").asText())
			.as("the last choice is kept for the user").isEqualTo(ALBANIAN.toLanguageTag());
	}

	/** The lang of each page the walk answered under {@code part} ("seen", "kept") after choosing this language. */
	private static List<String> langs(JsonNode walk, String part, String language) {
		List<String> langs = new ArrayList<>();
		walk.path(part).forEach(page -> {
			if (page.path("language").asText().equals(language)) {
				langs.add(page.path("lang").asText());
			}
		});
		return langs;
	}

	@Test
	void a_caseworker_gets_tasklist_the_tasks_name_and_the_services_refusal_in_her_language() throws IOException {
		assumeFalse(TestDatabase.isPostgres(), "pages are tested on H2; the API's languages on both databases");
		for (Locale language : List.of(MACEDONIAN, ALBANIAN)) {
			String tag = language.toLanguageTag();
			String task = guardianTask();
			assertThat(this.api.as("demo-social").put("/api/me/language", Api.body("language", tag)).status())
				.isEqualTo(200);

			JsonNode answer = BrowserScenarios.run("languages-tasklist-speaks-the-users-language", Map.ofEntries(
					Map.entry("baseUrl", baseUrl()), Map.entry("user", "demo-social"),
					Map.entry("password", Api.DEMO_PASSWORD), Map.entry("language", tag),
					Map.entry("filterName", say(language, "filter.group.name")), Map.entry("taskId", task),
					Map.entry("taskName", say(language, "model.ChildProtection.Task_AppointGuardian")),
					Map.entry("completeLabel", tasklistWord(tag, "COMPLETE")), Map.entry("key", "guardianUserId"),
					Map.entry("value", "demo-police")));

			assertThat(answer.path("field").asText()).isEqualTo(say(language, "problem.guardian.notAGuardian"));
			assertThat(answer.path("summary").asText()).contains(say(language, "webapp.tasklist.form.nothingSaved"));
		}
	}

	@Test
	void in_the_pseudo_language_no_page_task_list_or_form_shows_a_word_no_catalogue_gave() {
		assumeFalse(TestDatabase.isPostgres(), "pages are tested on H2; the API's languages on both databases");
		String task = guardianTask();
		// Second factors are set up (in English) before the pseudo-language is chosen.
		Map<String, String> codes = codes("demo-supervisor", "demo-auditor");
		for (String user : List.of("demo-supervisor", "demo-auditor", "demo-field-police", "demo-social")) {
			assertThat(this.api.as(user).put("/api/me/language", Api.body("language", "en-XA")).status())
				.isEqualTo(200);
		}
		// Names of products, the demo jurisdiction, and the month names in dates (the JDK's, not the service's words).
		List<String> allowed = new ArrayList<>(List.of("OpenNRM", "Camunda", "Tasklist", "Cockpit", "Admin", "coe"));
		DateFormatSymbols english = DateFormatSymbols.getInstance(Locale.ENGLISH);
		allowed.addAll(List.of(english.getMonths()));
		allowed.addAll(List.of(english.getShortMonths()));
		// Countries by their names in the JDK's locale data, and the demo's mobile team, named by its group id.
		for (String country : Locale.getISOCountries()) {
			allowed.addAll(List.of(new Locale("", country).getDisplayCountry(Locale.ENGLISH).split("[^\\p{L}]+")));
		}
		allowed.addAll(List.of("Kosovo", "team-north", "Platform"));
		// People's names and user ids as the identity store has them (Tasklist shows the signed-in user's name, the
		// oversight page a worker's id where other tests created them without a name), cut into words as the walk does.
		for (User person : this.identityService.createUserQuery().listPage(0, 200)) {
			allowed.addAll(List.of((person.getFirstName() + " " + person.getLastName()).split("[^\\p{L}]+")));
			Matcher words = Pattern.compile("[A-Za-z][A-Za-z'-]+").matcher(person.getId());
			while (words.find()) {
				allowed.add(words.group());
			}
		}
		this.api.as("demo-supervisor").get("/api/me/language").json().path("offered").findValuesAsText("name")
			.forEach(name -> allowed.addAll(List.of(name.split("[^\\p{L}]+"))));

		JsonNode result = BrowserScenarios.run("languages-nothing-untranslated", Map.of("baseUrl", baseUrl(),
				"password", Api.DEMO_PASSWORD, "codes", codes, "visits",
				List.of(Map.of("user", "demo-supervisor", "paths", List.of("/oversight", "/statistics", "/account")),
						Map.of("user", "demo-auditor", "paths", List.of("/audit")),
						Map.of("user", "demo-field-police", "paths", List.of("/field"))),
				"tasklistUser", "demo-social", "taskIds", List.of(task), "allowed", allowed));

		result.path("findings").fields()
			.forEachRemaining(place -> assertThat(place.getValue()).as("untranslated on %s", place.getKey()).isEmpty());
		assertThat(result.path("findings").size()).isEqualTo(7);
	}

	/** A child's case at the social services' task to appoint a guardian, claimed by demo-social. */
	private String guardianTask() {
		String reference = this.journey.open("demo-police", CaseJourney.UNCERTAIN_AGE_CHILD);
		this.journey.complete("demo-police", reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS,
				CaseJourney.CHILD_LABOUR_INDICATORS);
		this.journey.complete("demo-police", reference, VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME,
				Api.body("presumedVictim", true));
		this.journey.complete("demo-authority", reference, VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS,
				Api.body("reasonableGrounds", "Positive"));
		String task = this.journey.task("demo-social", reference, ChildProtectionProcess.TASK_APPOINT_GUARDIAN)
			.path("id")
			.asText();
		assertThat(this.api.as("demo-social").post("/api/tasks/" + task + "/claim").status()).isEqualTo(204);
		return task;
	}

	private Map<String, String> codes(String... users) {
		return SecondFactorCodes.forBrowser(this.api, Api.DEMO_PASSWORD, users);
	}

	private static Map<String, String> page(String path, Locale language, String headingCode) {
		return Map.of("path", path, "heading", say(language, headingCode));
	}

	private static String say(Locale language, String code, Object... arguments) {
		return CatalogueTexts.read().say(language, code, arguments);
	}

	private static String tasklistWord(String language, String key) throws IOException {
		JsonNode words = new ObjectMapper().readTree(Files.readString(Path.of("config", "i18n", "webapps", "tasklist",
				language + ".json")));
		return words.findValue(key).asText();
	}

	private String baseUrl() {
		return "http://localhost:" + this.environment.getProperty("local.server.port");
	}
}
