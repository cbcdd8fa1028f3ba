package org.opennrm.statistics.internal;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.opennrm.deadlines.Jurisdictions;
import org.opennrm.platform.EngineClock;
import org.opennrm.platform.StartupOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's statistics history: {@code nrm.statistics.synthetic-history} made-up persons a year for the last three
 * years in the default jurisdiction, added once (on a database that has no unlinked statistics rows yet), so that the
 * statistics page shows released figures next to the few demo cases. Off unless configured.
 */
@Component
class SyntheticHistory {

	private static final Logger log = LoggerFactory.getLogger(SyntheticHistory.class);

	private final StatisticsProperties properties;

	private final StatisticsLedger ledger;

	private final Jurisdictions jurisdictions;

	private final JdbcClient jdbc;

	SyntheticHistory(StatisticsProperties properties, StatisticsLedger ledger, Jurisdictions jurisdictions,
			JdbcClient jdbc) {
		this.properties = properties;
		this.ledger = ledger;
		this.jurisdictions = jurisdictions;
		this.jdbc = jdbc;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(StartupOrder.DEMO_DATA)
	@Transactional
	public void addOnce() {
		if (this.properties.syntheticHistory() == 0 || this.jdbc.sql("""
				select count(*) from nrm_statistics_person
				where stat_id not in (select stat_id from nrm_statistics_link)""").query(Long.class).single() > 0) {
			return;
		}
		String jurisdiction = this.jurisdictions.defaultId();
		String country = this.jurisdictions.profile(jurisdiction).country();
		int year = ZonedDateTime.ofInstant(EngineClock.now(), ZoneOffset.UTC).getYear();
		SyntheticPopulation population = new SyntheticPopulation(year);
		for (int past = 2; past >= 0; past--) {
			this.ledger.addUnlinked(
					population.persons(this.properties.syntheticHistory(), year - past, jurisdiction, country));
		}
		log.info("Added a synthetic statistics history of {} persons a year for {}", this.properties.syntheticHistory(),
				jurisdiction);
	}
}
