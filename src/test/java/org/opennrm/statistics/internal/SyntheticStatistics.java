package org.opennrm.statistics.internal;

import org.springframework.context.ApplicationContext;

/** For benchmarks outside this package: adds a synthetic population to a running service's statistics. */
public final class SyntheticStatistics {

	private SyntheticStatistics() {
	}

	/** Adds {@code count} made-up persons registered in the year, in batches; the same seed gives the same persons. */
	public static void add(ApplicationContext service, long seed, int count, int year, String jurisdiction,
			String country) {
		StatisticsLedger ledger = service.getBean(StatisticsLedger.class);
		SyntheticPopulation population = new SyntheticPopulation(seed);
		for (int added = 0; added < count; added += 10_000) {
			ledger.addUnlinked(population.persons(Math.min(10_000, count - added), year, jurisdiction, country));
		}
	}
}
