package org.opennrm.statistics.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Disclosure control settings. Neither can be set low enough to switch protection off: the threshold and k are at
 * least 2 (the disclosure package refuses less), and the defaults are what CTDC publishes with.
 *
 * @param threshold counts below it are never released (default 10)
 * @param k every record of the record-level export shares its quasi-identifiers with at least k−1 others (default 11)
 * @param syntheticHistory made-up persons per year for the last three years, added once at start-up so that the
 * statistics page has something to show (the demo profile sets it; default 0, never in production)
 */
@ConfigurationProperties("nrm.statistics")
record StatisticsProperties(@DefaultValue("10") int threshold, @DefaultValue("11") int k,
		@DefaultValue("0") int syntheticHistory) {

	StatisticsProperties {
		if (syntheticHistory < 0) {
			throw new IllegalArgumentException("nrm.statistics.synthetic-history must be 0 or more");
		}
	}
}
