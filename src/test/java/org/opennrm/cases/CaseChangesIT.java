package org.opennrm.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.IntegrationTest;
import org.opennrm.test.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Two changes of one case at once: the second waits for the first and starts from it, so neither is lost. */
@IntegrationTest
class CaseChangesIT {

	@Autowired
	CaseJourney journey;

	@Autowired
	Cases cases;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void a_change_made_while_another_is_uncommitted_starts_from_the_committed_first() throws Exception {
		String caseId = this.journey.caseId(this.journey.open("demo-police", CaseJourney.ADULT_BY_POLICE));
		Instant assessedAt = Instant.parse("2026-12-07T08:00:00Z");

		// Given a hand-off to social services, changed but not yet committed
		CompletableFuture<Void> secondDone = new TransactionTemplate(this.transactionManager).execute(status -> {
			this.cases.change(caseId, found -> found.ledBy("social"));

			// When a risk assessment changes the same case meanwhile, and is seen waiting for the first
			CompletableFuture<Void> second = CompletableFuture
				.runAsync(() -> this.cases.change(caseId, found -> found.withRisk(RiskLevel.High, assessedAt)));
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> waitingOnACase() || second.isDone());
			assertThat(second).as("the second change waits for the first").isNotDone();
			return second;
		});
		secondDone.get(10, TimeUnit.SECONDS);

		// Then the case has both: the second change read the case as the first left it
		Case now = this.cases.findById(caseId).orElseThrow();
		assertThat(now.leadAgency()).isEqualTo("social");
		assertThat(now.riskLevel()).isEqualTo(RiskLevel.High);
		assertThat(now.riskAssessedAt()).isEqualTo(assessedAt);
	}

	/** Whether a statement on the case table waits for a lock another transaction holds. */
	private boolean waitingOnACase() {
		String waiting = TestDatabase.isPostgres()
				? "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%nrm_case%'"
				: "select count(*) from information_schema.sessions where blocker_id is not null "
						+ "and executing_statement like '%nrm_case%'";
		return this.jdbc.sql(waiting).query(Long.class).single() > 0;
	}
}
