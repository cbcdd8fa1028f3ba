package org.opennrm.security.internal;

import java.time.Clock;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Ticker;

/** A clock's time as a Caffeine cache's ticker, so that a cache expires on the time the rest of its class reads. */
final class ClockTicker {

	private ClockTicker() {
	}

	/** Nanoseconds since the epoch (good until the year 2262). */
	static Ticker of(Clock clock) {
		return () -> {
			Instant now = clock.instant();
			return now.getEpochSecond() * 1_000_000_000L + now.getNano();
		};
	}
}
