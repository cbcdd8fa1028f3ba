package org.opennrm.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opennrm.i18n.internal.CatalogueTexts;
import org.opennrm.test.Api;
import org.opennrm.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service speaks each caller's language: the one they chose (kept for every device they sign in on), else their
 * browser's, else English. Problem responses and the statistics the coordinator downloads follow it (the pages: see
 * the browser scenarios); a language the service does not offer is refused and changes nothing.
 */
@IntegrationTest
class LanguageIT {

	private static final Locale MACEDONIAN = Locale.forLanguageTag("mk");

	private static final Locale ALBANIAN = Locale.forLanguageTag("sq");

	private static final String NO_TABLE = "/api/statistics/tables/no-such-table";

	@Autowired
	Api api;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void forget() {
		this.api.as("demo-coordinator").delete("/api/me/language");
		this.api.as("demo-police").delete("/api/me/language");
	}

	@Test
	void a_problem_is_told_in_the_browsers_language_and_in_english_when_the_service_does_not_speak_it() {
		Api.Client coordinator = this.api.as("demo-coordinator");

		JsonNode macedonian = coordinator.get(NO_TABLE, Map.of("Accept-Language", "mk-MK,mk;q=0.9,en;q=0.5")).json();
		JsonNode albanian = coordinator.get(NO_TABLE, Map.of("Accept-Language", "sq")).json();
		JsonNode cyrillic = coordinator.get(NO_TABLE, Map.of("Accept-Language", "sr-Cyrl-RS")).json();
		JsonNode german = coordinator.get(NO_TABLE, Map.of("Accept-Language", "de-DE,de;q=0.9")).json();

		assertThat(macedonian.path("detail").asText())
			.isEqualTo(say(MACEDONIAN, "problem.statistics.noTable", "no-such-table"))
			.isNotEqualTo(say(Locale.ENGLISH, "problem.statistics.noTable", "no-such-table"));
		assertThat(macedonian.path("title").asText()).isEqualTo(say(MACEDONIAN, "problem.title.404"));
		assertThat(albanian.path("detail").asText()).isEqualTo(say(ALBANIAN, "problem.statistics.noTable",
				"no-such-table"));
		assertThat(cyrillic.path("detail").asText()).matches(".*\\p{IsCyrillic}.*")
			.isEqualTo(say(Locale.forLanguageTag("sr-Cyrl"), "problem.statistics.noTable", "no-such-table"));
		assertThat(german.path("detail").asText())
			.isEqualTo(say(Locale.ENGLISH, "problem.statistics.noTable", "no-such-table"));
	}

	@Test
	void a_chosen_language_is_kept_for_the_user_and_beats_the_browsers() {
		Api.Client police = this.api.as("demo-police");
		JsonNode before = police.get("/api/me/language", Map.of("Accept-Language", "sq")).json();
		assertThat(before.path("language").asText()).isEqualTo("sq");
		assertThat(before.path("chosen").asBoolean()).isFalse();
		assertThat(before.path("offered").findValuesAsText("tag")).contains("en", "mk", "sq", "sr-Latn", "sr-Cyrl");
		assertThat(before.path("offered").findValuesAsText("name")).contains("Македонски", "Shqip");

		Api.Response chosen = police.put("/api/me/language", Api.body("language", "mk"));
		assertThat(chosen.status()).isEqualTo(200);
		assertThat(chosen.json().path("chosen").asBoolean()).isTrue();

		JsonNode after = police.get("/api/me/language", Map.of("Accept-Language", "en")).json();
		assertThat(after.path("language").asText()).isEqualTo("mk");
		assertThat(after.path("chosen").asBoolean()).isTrue();
		Api.Response problem = police.get("/api/tasks/no-such-task", Map.of("Accept-Language", "en"));
		assertThat(problem.json().path("title").asText())
			.isEqualTo(say(MACEDONIAN, "problem.title." + problem.status()))
			.isNotEqualTo(say(Locale.ENGLISH, "problem.title." + problem.status()));

		assertThat(police.delete("/api/me/language").status()).isEqualTo(204);
		assertThat(police.get("/api/me/language", Map.of("Accept-Language", "en")).json().path("language").asText())
			.isEqualTo("en");
	}

	@Test
	void a_language_not_offered_is_refused_in_words_and_changes_nothing() {
		Api.Client police = this.api.as("demo-police");
		police.put("/api/me/language", Api.body("language", "sq"));
		Map<String, Object> stored = this.jdbc.queryForMap("select * from nrm_user_language where user_id = ?",
				"demo-police");

		for (Object wrong : new Object[] { "xx", "", "en-US-x-" + "a".repeat(40), "de", "<script>", 42 }) {
			Api.Response refused = police.put("/api/me/language", Api.body("language", wrong));
			assertThat(refused.status()).as("%s", wrong).isEqualTo(400);
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
			assertThat(refused.json().path("errors").path("language").asText()).as("%s", wrong).isNotBlank();
			assertThat(refused.body()).doesNotContain("Exception", "at org.");
		}
		assertThat(police.put("/api/me/language", "{not json").status()).isEqualTo(400);

		assertThat(this.jdbc.queryForMap("select * from nrm_user_language where user_id = ?", "demo-police"))
			.isEqualTo(stored);
		assertThat(police.get("/api/me/language").json().path("language").asText()).isEqualTo("sq");
	}

	@Test
	void the_national_tables_download_carries_the_readers_words_beside_the_codes_and_a_byte_order_mark() {
		Api.Client coordinator = this.api.as("demo-coordinator");

		Api.Response csv = coordinator.get("/api/statistics/national?format=csv",
				Map.of("Accept-Language", "mk"));
		JsonNode json = coordinator.get("/api/statistics/tables/registered-victims-by-sex-and-age",
				Map.of("Accept-Language", "mk")).json();

		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).startsWith("\uFEFFtable,period,jurisdiction,rowDimension,row,columnDimension,column,"
				+ "value,flag,tableTitle,rowLabel,columnLabel")
			.contains(say(MACEDONIAN, "statistics.title.registered-victims-by-sex-and-age"))
			.contains(",Female,", say(MACEDONIAN, "statistics.category.Female"));
		assertThat(json.path("title").asText())
			.isEqualTo(say(MACEDONIAN, "statistics.title.registered-victims-by-sex-and-age"));
		assertThat(json.path("labels").path("Female").asText()).isEqualTo(say(MACEDONIAN,
				"statistics.category.Female"));
		assertThat(json.path("labels").path("sex").asText()).isEqualTo(say(MACEDONIAN, "statistics.dimension.sex"));
		assertThat(json.path("rows").findValuesAsText("label")).contains("Female", "Male");
	}

	private static String say(Locale language, String code, Object... arguments) {
		return CatalogueTexts.read().say(language, code, arguments);
	}
}
