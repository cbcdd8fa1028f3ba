package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.test.Api;
import org.opennrm.test.SecondFactorCodes;
import org.opennrm.test.BrowserScenarios;
import org.opennrm.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statistics page in headless Chromium and over plain HTTP, as the national coordinator uses it: sign in, land on
 * this year's statistics, read the charts and tables, switch to last year, download the releases. Counted over a
 * synthetic population written straight into {@code nrm_statistics_person} (random ids, no link to any case), large
 * enough that some figures are released and some withheld. axe checks every page state; screenshots are kept under
 * {@code target/browser-report/}.
 */
@IntegrationTest
class StatisticsPageIT {

	/** A case reference of any prefix, e.g. {@code NRM-2026-000001} or {@code DEMO-2026-000004}. */
	static final Pattern CASE_REFERENCE = Pattern.compile("[A-Z]{2,10}-[0-9]{4}-[0-9]{6,}");

	/** A figure of the page's count cells. */
	static final Pattern COUNT_CELL = Pattern.compile("<td class=\"num count\">([0-9]+)</td>");

	static final Pattern NUMERIC_CELL = Pattern.compile("<t([dh])([^>]*)>\\s*([0-9]+(?:\\.[0-9]+)?)\\s*</t[dh]>");

	@Autowired
	Api api;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Environment environment;

	final List<String> seeded = new ArrayList<>();

	int year;

	String jurisdiction;

	int threshold;

	@BeforeEach
	void aSyntheticPopulationThisYearAndLastYear() {
		this.year = Period.parse(null).from().year();
		// Not the default jurisdiction, where the demo's synthetic history releases nearly everything: last year's 40
		// persons here have withheld figures to draw.
		this.jurisdiction = "mk";
		this.threshold = this.environment.getProperty("nrm.statistics.threshold", Integer.class, 10);
		List<Object[]> persons = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			boolean identified = i % 3 == 0;
			String exploitation = switch (i % 10) {
				case 0, 1, 2, 3 -> "Sexual";
				case 4, 5, 6 -> "Labour";
				case 7, 8 -> "SexAndLabour";
				default -> "Other";
			};
			String ageBand = List.of("9-17", "21-23", "30-38").get(i % 3);
			persons.add(person(this.year, i % 4 + 1, List.of("police", "social", "ngo", "health").get(i / 4 % 4),
					i % 5 < 3 ? "Female" : "Male", ageBand, ageBand.equals("9-17") ? "Minor" : "Adult",
					i % 2 == 0 ? "UA" : "RO", i % 2 == 0 ? "NonEU" : "EU", exploitation,
					identified ? "Identified" : "Presumed", identified, i % 7 == 0 ? "Closed" : "Active", 20 + i % 30,
					i % 4 != 3, identified ? 60 + i % 40 : null, identified ? i % 5 >= 2 : null, i % 6 == 0 ? 1 : 0));
		}
		// A few rare combinations: cells that must be withheld.
		for (int i = 0; i < 3; i++) {
			persons.add(person(this.year, 1, "police", "TransgenderNonConforming", "Unknown", "Unknown", null, "Unknown",
					"Unknown", "Presumed", false, "Active", 40, false, null, null, 0));
		}
		// Last year: a smaller population.
		for (int i = 0; i < 40; i++) {
			persons.add(person(this.year - 1, i % 4 + 1, i % 2 == 0 ? "police" : "ngo", i % 3 == 0 ? "Male" : "Female",
					"24-26", "Adult", "UA", "NonEU", i % 2 == 0 ? "Labour" : "Sexual", "Presumed", false, "Closed",
					15 + i % 10, true, null, null, 0));
		}
		this.jdbc.batchUpdate("""
				insert into nrm_statistics_person (stat_id, jurisdiction, registered_year, registered_quarter,
				    referring_agency, sex, age_band, majority, citizenship, citizenship_group, exploitation,
				    forced_marriage, forced_military, organ_removal, slavery_and_practices, forced_criminality, abducted,
				    person_status, registered_victim, identified, case_status, days_to_preliminary, preliminary_in_time,
				    days_to_formal, formal_in_time, escalations)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, false, false, false, false, false, ?, true, ?, ?, ?, ?,
				    ?, ?, ?)""", persons);
	}

	@AfterEach
	void removeTheSyntheticPopulation() {
		this.jdbc.batchUpdate("delete from nrm_statistics_person where stat_id = ?",
				this.seeded.stream().map(id -> new Object[] { id }).toList());
		this.seeded.clear();
	}

	@Test
	void a_coordinator_reads_the_charts_and_tables_switches_year_and_downloads_a_release() {
		BrowserScenarios.onH2Only("StatisticsIT and this class's HTTP tests");
		long before = lastAuditEntry();

		JsonNode result = BrowserScenarios.run("statistics-coordinator-reads", Map.of("baseUrl", baseUrl(), "user",
				"demo-coordinator", "password", Api.DEMO_PASSWORD, "year", this.year, "previousYear", this.year - 1,
				"jurisdiction", this.jurisdiction, "threshold", this.threshold, "codes",
				SecondFactorCodes.forBrowser(this.api, Api.DEMO_PASSWORD, "demo-coordinator")));

		assertThat(result.path("withheldCells").asInt()).as("some cells are withheld").isPositive();
		assertThat(result.path("countsChecked").asInt()).as("and some released").isPositive();
		assertThat(exportsSince(before, "demo-coordinator"))
			.as("each page view and the download are audited as exports")
			.anyMatch(entry -> entry.equals("statistics national|format page|" + this.year))
			.anyMatch(entry -> entry.equals("statistics national|format page|" + (this.year - 1)))
			.anyMatch(entry -> entry.equals("statistics national|format csv|" + (this.year - 1)));
	}

	@Test
	void a_caseworker_is_refused_the_page_in_the_browser() {
		BrowserScenarios.onH2Only("StatisticsIT and this class's HTTP tests");
		BrowserScenarios.run("statistics-refuses-others",
				Map.of("baseUrl", baseUrl(), "user", "demo-police", "password", Api.DEMO_PASSWORD));
	}

	@Test
	void a_page_view_shows_only_released_figures_no_case_reference_and_is_audited_as_an_export() {
		SignedIn coordinator = SignedIn.as(this.api, "demo-coordinator");
		long before = lastAuditEntry();

		Api.Response page = coordinator.get("/statistics");

		assertThat(page.status()).isEqualTo(200);
		String html = page.body();
		assertThat(CASE_REFERENCE.matcher(html).find()).as("no case reference anywhere on the page").isFalse();
		assertThat(html).contains("no count below " + this.threshold + " is ever shown")
			.contains("<abbr")
			.contains("registered-victims-by-quarter")
			.contains(this.year + "-Q1");
		List<Long> counts = new ArrayList<>();
		Matcher count = COUNT_CELL.matcher(html);
		while (count.find()) {
			counts.add(Long.parseLong(count.group(1)));
		}
		assertThat(counts).as("released counts").isNotEmpty().allSatisfy(value -> assertThat(value)
			.isGreaterThanOrEqualTo(this.threshold));
		Matcher numeric = NUMERIC_CELL.matcher(html);
		while (numeric.find()) {
			assertThat(numeric.group(2)).as("every number in a table cell is a count or a figure in days: %s",
					numeric.group()).containsAnyOf("count", "days");
		}
		assertThat(exportsSince(before, "demo-coordinator")).containsExactly("statistics national|format page|"
				+ this.year);
	}

	@Test
	void the_downloads_are_csv_with_the_table_ids_and_audited() {
		SignedIn supervisor = SignedIn.as(this.api, "demo-supervisor");
		long before = lastAuditEntry();
		String query = "?year=" + this.year + "&jurisdiction=" + this.jurisdiction;

		Api.Response national = supervisor.get("/statistics/exports/national.csv" + query);
		Api.Response eurostat = supervisor.get("/statistics/exports/eurostat.csv" + query);
		Api.Response regional = supervisor.get("/statistics/exports/regional.csv" + query);
		Api.Response ctdc = supervisor.get("/statistics/exports/ctdc.csv" + query);

		for (Api.Response csv : List.of(national, eurostat, regional, ctdc)) {
			assertThat(csv.status()).isEqualTo(200);
			assertThat(csv.header("Content-Type")).startsWith("text/csv");
			assertThat(csv.header("Content-Disposition")).contains("attachment").contains(".csv");
			assertThat(CASE_REFERENCE.matcher(csv.body()).find()).isFalse();
		}
		assertThat(national.body()).startsWith("\uFEFFtable,period,jurisdiction,")
			.contains("registered-victims-by-quarter")
			.contains("decisions-within-deadline");
		assertThat(national.header("Content-Disposition"))
			.contains("statistics-national-" + this.jurisdiction + "-" + this.year + ".csv");
		assertThat(exportsSince(before, "demo-supervisor")).containsExactlyInAnyOrder(
				"statistics national|format csv|" + this.year, "statistics eurostat|format csv|" + this.year,
				"statistics regional|format csv|" + this.year, "statistics ctdc|format csv|" + this.year);
		assertThat(ctdc.body()).startsWith("yearOfRegistration,Datasource,gender,ageBroad,majorityStatus,citizenship,");
	}

	@Test
	void a_bad_year_or_jurisdiction_is_explained_on_the_page_without_a_stack_trace() {
		SignedIn coordinator = SignedIn.as(this.api, "demo-coordinator");

		Api.Response letters = coordinator.get("/statistics?year=20x6");
		Api.Response ancient = coordinator.get("/statistics?year=1200");
		Api.Response nowhere = coordinator.get("/statistics?jurisdiction=nowhere");
		Api.Response malformed = coordinator.get("/statistics?jurisdiction=%3Cscript%3E");
		Api.Response download = coordinator.get("/statistics/exports/national.csv?year=abc");

		assertThat(letters.status()).isEqualTo(400);
		assertThat(letters.body()).contains("four digits").contains("<h1>Statistics</h1>");
		assertThat(ancient.status()).isEqualTo(400);
		assertThat(ancient.body()).contains("between 1990 and 2100");
		assertThat(nowhere.status()).isEqualTo(400);
		assertThat(nowhere.body()).contains("No jurisdiction &#39;nowhere&#39;");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.body()).contains("not a jurisdiction").doesNotContain("<script>");
		assertThat(download.status()).isEqualTo(400);
		assertThat(download.header("Content-Type")).startsWith("text/plain");
		for (Api.Response refused : List.of(letters, ancient, nowhere, malformed, download)) {
			assertThat(refused.body()).doesNotContain("Exception").doesNotContain("at org.");
		}
	}

	@Test
	void only_coordinators_and_supervisors_open_the_page_and_its_downloads() {
		SignedIn police = SignedIn.as(this.api, "demo-police");
		SignedIn social = SignedIn.as(this.api, "demo-social");

		assertThat(police.get("/statistics").status()).isEqualTo(403);
		assertThat(police.get("/statistics/exports/national.csv").status()).isEqualTo(403);
		assertThat(social.get("/statistics").status()).isEqualTo(403);
		assertThat(SignedIn.as(this.api, "demo-supervisor").get("/statistics").status()).isEqualTo(200);
		Api.Response anonymous = this.api.anonymous().get("/statistics");
		assertThat(anonymous.status()).isIn(302, 401);
		assertThat(this.api.as("demo-coordinator").get("/statistics").status())
			.as("the page takes no HTTP Basic: it is a session page").isIn(302, 401);
	}

	@Test
	void a_coordinator_lands_on_the_statistics_page_after_signing_in() {
		SignedIn coordinator = SignedIn.as(this.api, "demo-coordinator");

		assertThat(coordinator.landing()).endsWith("/statistics");
	}

	private Object[] person(int registeredYear, int quarter, String agency, String sex, String ageBand,
			String majority, String citizenship, String citizenshipGroup, String exploitation, String personStatus,
			boolean identified, String caseStatus, Integer daysToPreliminary, Boolean preliminaryInTime,
			Integer daysToFormal, Boolean formalInTime, int escalations) {
		String id = UUID.randomUUID().toString();
		this.seeded.add(id);
		return new Object[] { id, this.jurisdiction, registeredYear, quarter, agency, sex, ageBand, majority,
				citizenship, citizenshipGroup, exploitation, personStatus, identified, caseStatus, daysToPreliminary,
				preliminaryInTime, daysToFormal, formalInTime, escalations };
	}

	private long lastAuditEntry() {
		Long last = this.jdbc.queryForObject("select max(sequence) from nrm_audit_entry", Long.class);
		return last == null ? 0 : last;
	}

	/** The statistics exports a user made since an entry, as {@code subject|format ...|year}. */
	private List<String> exportsSince(long sequence, String actor) {
		return this.jdbc.query("""
				select e.subject, c.detail from nrm_audit_entry e join nrm_audit_content c on c.sequence = e.sequence
				where e.type = 'Export' and e.actor = ? and e.sequence > ? and e.subject like 'statistics %'
				order by e.sequence""", (rs, row) -> {
			String detail = rs.getString("detail");
			Matcher format = Pattern.compile("format (\\w+)").matcher(detail);
			Matcher period = Pattern.compile("period ([0-9]{4})-Q1").matcher(detail);
			return rs.getString("subject") + "|" + (format.find() ? format.group() : detail) + "|"
					+ (period.find() ? period.group(1) : detail);
		}, actor, sequence);
	}

	private String baseUrl() {
		return "http://localhost:" + this.environment.getRequiredProperty("local.server.port");
	}

	/** A browser-like session signed in through the sign-in page (with a second factor where the role needs one). */
	static final class SignedIn {

		private final org.opennrm.test.WebappSession session;

		private SignedIn(org.opennrm.test.WebappSession session) {
			this.session = session;
		}

		static SignedIn as(Api api, String user) {
			return new SignedIn(org.opennrm.test.WebappSession.pages(api, user, Api.DEMO_PASSWORD));
		}

		/** Where signing in sent the user. */
		String landing() {
			return this.session.landing();
		}

		Api.Response get(String path) {
			return this.session.get(path);
		}
	}
}
