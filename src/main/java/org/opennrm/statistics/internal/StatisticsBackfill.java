package org.opennrm.statistics.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.opennrm.cases.Cases;
import org.opennrm.platform.StartupOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives every case without a statistics row one at start-up, worked out from the case as it is then: cases registered
 * before statistics existed (an upgrade), or any whose row went missing. Each case in its own transaction, so one that
 * fails is logged by id and the others still get theirs. The referring agency is the lead agency now, and decision
 * times are unknown for them (they are taken as decisions complete).
 */
@Component
class StatisticsBackfill {

	private static final Logger log = LoggerFactory.getLogger(StatisticsBackfill.class);

	private final Cases cases;

	private final StatisticsFacts facts;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	StatisticsBackfill(Cases cases, StatisticsFacts facts, JdbcClient jdbc, TransactionTemplate transactions) {
		this.cases = cases;
		this.facts = facts;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(StartupOrder.STATISTICS_BACKFILL)
	public void fillIn() {
		int filled = fillInMissing();
		if (filled > 0) {
			log.info("Gave {} cases registered before statistics existed their statistics row", filled);
		}
	}

	/**
	 * Every case has at most one link and erasure removes it with the case, so as many links as cases means nothing to
	 * do: the usual start costs two counts.
	 * @return how many cases got a row
	 */
	int fillInMissing() {
		if (this.jdbc.sql("select count(*) from nrm_statistics_link").query(Long.class).single() >= this.cases.count()) {
			return 0;
		}
		Set<String> linked = new HashSet<>(
				this.jdbc.sql("select case_id from nrm_statistics_link").query(String.class).list());
		List<String> missing = this.cases.allIds().stream().filter(caseId -> !linked.contains(caseId)).toList();
		int filled = 0;
		for (String caseId : missing) {
			try {
				this.transactions.executeWithoutResult(status -> this.facts.refresh(caseId, null));
				filled++;
			}
			catch (RuntimeException ex) {
				log.warn("No statistics row for case {}: {}", caseId, ex.getClass().getSimpleName());
			}
		}
		return filled;
	}
}
