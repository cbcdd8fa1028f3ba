package org.opennrm.retention.internal;

import java.time.Period;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long what is kept about a case lives (see ADR 0014). Every figure is a default to confirm against national law
 * and the data protection authority's guidance.
 *
 * @param historyTimeToLive days the engine keeps the history of a finished process or decision, per process or
 * decision key; {@code default} for every key not named. Applied to every deployed version at start-up.
 * @param caseFileAfterClosure how long after its closure a case is kept in full; then erasure removes it, leaving a
 * statistics stub
 * @param erasure when the scheduled erasure runs
 */
@ConfigurationProperties("nrm.retention")
record RetentionProperties(Map<String, Integer> historyTimeToLive, @DefaultValue("P5Y") Period caseFileAfterClosure,
		@DefaultValue Erasure erasure) {

	static final String DEFAULT_KEY = "default";

	static final int DEFAULT_DAYS = 1826;

	RetentionProperties {
		// Keys compare case-insensitively: environment variables and some property sources lower-case them.
		Map<String, Integer> byKey = new TreeMap<>();
		if (historyTimeToLive != null) {
			historyTimeToLive.forEach((key, days) -> {
				if (days == null || days < 0) {
					throw new IllegalArgumentException("nrm.retention.history-time-to-live." + key
							+ " must be a number of days, 0 or more");
				}
				byKey.put(key.toLowerCase(Locale.ROOT), days);
			});
		}
		historyTimeToLive = Map.copyOf(byKey);
		if (caseFileAfterClosure.isNegative() || caseFileAfterClosure.isZero()) {
			throw new IllegalArgumentException("nrm.retention.case-file-after-closure must be a positive period");
		}
	}

	/** The days the engine keeps the history of this process or decision. */
	int historyTimeToLive(String key) {
		Integer days = this.historyTimeToLive.get(key.toLowerCase(Locale.ROOT));
		return days != null ? days : this.historyTimeToLive.getOrDefault(DEFAULT_KEY, DEFAULT_DAYS);
	}

	/**
	 * @param scheduled whether the job runs by itself (tests run erasure through the endpoint instead)
	 * @param cron when it runs (server time)
	 * @param batchSize at most this many cases per run; the next run takes the rest
	 */
	record Erasure(@DefaultValue("true") boolean scheduled, @DefaultValue("0 30 1 * * *") String cron,
			@DefaultValue("200") int batchSize) {
	}
}
