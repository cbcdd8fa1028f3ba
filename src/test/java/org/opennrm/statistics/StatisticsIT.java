package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.opennrm.handoff.ServiceHandoffProcess;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.test.Api;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.IntegrationTest;
import org.opennrm.test.PublishedEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Statistics through the whole service: a person's row follows the case as it is worked (sections, decisions), the
 * API is for the coordinator and supervisors only, answers only with protected figures, and every answer is audited.
 */
@IntegrationTest
class StatisticsIT {

	static final List<String> RELEASES = List.of("/api/statistics/national", "/api/statistics/eurostat",
			"/api/statistics/regional", "/api/statistics/ctdc",
			"/api/statistics/tables/registered-victims-by-sex-and-age");

	@Autowired
	Api api;

	@Autowired
	CaseJourney journey;

	@Autowired
	PublishedEvents events;

	@Autowired
	JdbcClient jdbc;

	@Test
	void a_persons_statistics_row_follows_the_case_coarsened_and_without_anything_that_names_them() {
		// Given a case opened by police
		String reference = this.journey.open("demo-police", CaseJourney.ADULT_BY_POLICE);
		String caseId = this.journey.caseId(reference);

		// When police record who the person is and how they were exploited
		LocalDate birthdate = LocalDate.now(ZoneOffset.UTC).minusYears(24).minusDays(40);
		assertThat(this.api.as("demo-police")
			.put("/api/cases/" + reference + "/file/identity", Api.body("firstName", "Sentinel-Given", "secondName",
					"Sentinel-Family", "birthdate", birthdate.toString(), "gender", "Female", "nationality", "AL"))
			.status()).isEqualTo(200);
		assertThat(this.api.as("demo-police")
			.put("/api/cases/" + reference + "/file/identification", Api.body("typeOfLabourExploitation",
					List.of("Agriculture"), "methodsOfControl", List.of("DebtBondage", "Threats"),
					"methodOfRecruitment", List.of("JobOffer"), "detailsOfVulnerabilities", "Sentinel-Narrative"))
			.status()).isEqualTo(200);
		Map<String, Object> before = row(caseId);

		// and the person is screened and found to be a presumed victim on reasonable grounds
		this.journey.complete("demo-police", reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS,
				CaseJourney.ADULT_LABOUR_INDICATORS);
		this.journey.complete("demo-police", reference, VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME,
				Api.body("presumedVictim", true));
		this.journey.complete("demo-authority", reference, VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS,
				Api.body("reasonableGrounds", "Positive"));

		// Then the row counts a registered victim in the right categories, with the decision's timing
		Map<String, Object> after = row(caseId);
		assertThat(before).containsEntry("registered_victim", false).containsEntry("days_to_preliminary", null);
		assertThat(after).containsEntry("sex", "Female")
			.containsEntry("age_band", "24-26")
			.containsEntry("majority", "Adult")
			.containsEntry("citizenship", "AL")
			.containsEntry("citizenship_group", "NonEU")
			.containsEntry("exploitation", "Labour")
			.containsEntry("referring_agency", "police")
			.containsEntry("person_status", "Presumed")
			.containsEntry("registered_victim", true)
			.containsEntry("identified", false)
			.containsEntry("days_to_preliminary", 0)
			.containsEntry("preliminary_in_time", true)
			.containsEntry("registered_year", LocalDate.now(ZoneOffset.UTC).getYear());
		assertThat(this.jdbc.sql("""
				select kind || ':' || code from nrm_statistics_attribute
				where stat_id = (select stat_id from nrm_statistics_link where case_id = :caseId)""")
			.param("caseId", caseId)
			.query(String.class)
			.list()).containsExactlyInAnyOrder("Control:DebtBondage", "Control:Threats", "Labour:Agriculture");
		assertThat(after.values()).as("nothing that names the case or the person")
			.noneMatch(value -> value != null && (value.toString().contains("Sentinel") || value.toString()
				.contains(reference) || value.toString().contains(caseId) || value.toString()
					.contains(birthdate.toString())));
	}

	@Test
	void a_person_found_without_reasonable_grounds_is_not_a_registered_victim_but_still_a_referral() {
		// Given a person screened and presumed a victim
		String reference = this.journey.open("demo-police", CaseJourney.ADULT_BY_POLICE);
		String caseId = this.journey.caseId(reference);
		this.journey.complete("demo-police", reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS,
				CaseJourney.ADULT_LABOUR_INDICATORS);
		this.journey.complete("demo-police", reference, VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME,
				Api.body("presumedVictim", true));
		assertThat(row(caseId)).containsEntry("registered_victim", true);

		// When the authority finds no reasonable grounds
		this.journey.complete("demo-authority", reference, VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS,
				Api.body("reasonableGrounds", "Negative", "noGroundsReason", "ElementsNotMet"));

		// Then the person counts as a referral whose outcome is "not identified", not as a registered victim
		assertThat(row(caseId)).containsEntry("person_status", "NotIdentified")
			.containsEntry("registered_victim", false)
			.containsEntry("identified", false)
			.containsEntry("days_to_preliminary", 0);
	}

	@Test
	void a_service_counts_for_the_person_once_it_is_delivered() {
		// Given an adult with a shelter hand-off offered to the NGO
		String reference = this.journey.adultWithOpenShelterHandoff();
		String caseId = this.journey.caseId(reference);
		this.journey.complete("demo-ngo", reference, ServiceHandoffProcess.TASK_RESPOND_TO_REFERRAL,
				Api.body("referralAccepted", true));
		assertThat(services(caseId)).as("accepted is not delivered").isEmpty();

		// When the NGO records that the shelter was provided
		this.journey.complete("demo-ngo", reference, ServiceHandoffProcess.TASK_RECORD_SERVICE_DELIVERY,
				Api.body("serviceOutcome", "Delivered"));

		// Then the person counts among those who received shelter
		assertThat(services(caseId)).containsExactly("Shelter");
	}

	@Test
	void only_the_coordinator_and_supervisors_get_statistics_and_every_release_is_audited() {
		for (String release : RELEASES) {
			for (String caseworker : List.of("demo-police", "demo-social", "demo-ngo", "demo-auditor",
					"demo-authority")) {
				assertThat(this.api.as(caseworker).get(release).status()).as("%s for %s", release, caseworker)
					.isEqualTo(403);
			}
			assertThat(this.api.anonymous().get(release).status()).isEqualTo(401);
			long audited = exportsAudited();
			Api.Response answer = this.api.as("demo-coordinator").get(release + "?format=csv");
			assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
			assertThat(answer.header("Content-Type")).startsWith("text/csv");
			assertThat(this.api.as("demo-supervisor").get(release).status()).isEqualTo(200);
			assertThat(exportsAudited()).as("%s audited each time", release).isEqualTo(audited + 2);
		}
		assertThat(this.events.of(StatisticsExported.class))
			.anySatisfy(event -> assertThat(event).extracting(StatisticsExported::userId, StatisticsExported::export,
					StatisticsExported::format).containsExactly("demo-coordinator", "eurostat", "csv"));
	}

	@Test
	void a_table_names_its_year_jurisdiction_and_threshold_and_releases_no_count_below_it() {
		int year = LocalDate.now(ZoneOffset.UTC).getYear();
		JsonNode tables = this.api.as("demo-coordinator").get("/api/statistics/national?year=" + year).json();

		assertThat(tables).hasSize(13);
		for (JsonNode table : tables) {
			assertThat(table.path("period").asText()).isEqualTo(year + "-Q1.." + year + "-Q4");
			assertThat(table.path("jurisdiction").asText()).isEqualTo("coe");
			assertThat(table.path("threshold").asInt()).isEqualTo(10);
			table.findValues("value").forEach(value -> assertThat(value.isNull() || value.asLong() >= 10)
				.as("%s releases %s", table.path("id").asText(), value).isTrue());
		}
	}

	private Map<String, Object> row(String caseId) {
		Map<String, Object> row = new java.util.HashMap<>();
		this.jdbc.sql("""
				select p.* from nrm_statistics_person p
				join nrm_statistics_link l on l.stat_id = p.stat_id where l.case_id = :caseId""")
			.param("caseId", caseId)
			.query()
			.singleRow()
			.forEach((column, value) -> row.put(column.toLowerCase(java.util.Locale.ROOT),
					value instanceof Number number && !(value instanceof Long) ? number.intValue() : value));
		return row;
	}

	private List<String> services(String caseId) {
		return this.jdbc.sql("""
				select code from nrm_statistics_attribute where kind = 'Service'
				and stat_id = (select stat_id from nrm_statistics_link where case_id = :caseId)""")
			.param("caseId", caseId)
			.query(String.class)
			.list();
	}

	private long exportsAudited() {
		return this.jdbc.sql("select count(*) from nrm_audit_entry where type = 'Export' and subject like 'statistics%'")
			.query(Long.class)
			.single();
	}
}
