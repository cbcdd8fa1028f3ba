package org.opennrm.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opennrm.cases.Cases;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Cases registered before statistics existed get their row at start-up, once. */
@IntegrationTest
class StatisticsBackfillIT {

	@Autowired
	CaseJourney journey;

	@Autowired
	StatisticsBackfill backfill;

	@Autowired
	Cases cases;

	@Autowired
	JdbcClient jdbc;

	@Test
	void a_case_without_a_statistics_row_gets_one_from_the_case_as_it_is_and_only_once() {
		// Given a case whose row is missing, as for a case registered before statistics existed
		String reference = this.journey.open("demo-police", CaseJourney.ADULT_BY_POLICE);
		String caseId = this.journey.caseId(reference);
		String statId = this.jdbc.sql("select stat_id from nrm_statistics_link where case_id = :caseId")
			.param("caseId", caseId)
			.query(String.class)
			.single();
		this.jdbc.sql("delete from nrm_statistics_link where case_id = :caseId").param("caseId", caseId).update();
		this.jdbc.sql("delete from nrm_statistics_attribute where stat_id = :id").param("id", statId).update();
		this.jdbc.sql("delete from nrm_statistics_person where stat_id = :id").param("id", statId).update();

		// When the back-fill runs (as it does at every start)
		int filled = this.backfill.fillInMissing();

		// Then the case has its row again, from the case as it is, and a second run finds nothing to do
		assertThat(filled).isEqualTo(1);
		assertThat(this.jdbc.sql("""
				select p.referring_agency from nrm_statistics_person p
				join nrm_statistics_link l on l.stat_id = p.stat_id where l.case_id = :caseId""")
			.param("caseId", caseId)
			.query(String.class)
			.single()).isEqualTo(this.cases.findById(caseId).orElseThrow().leadAgency());
		assertThat(this.backfill.fillInMissing()).isZero();
	}
}
