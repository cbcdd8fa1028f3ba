package org.opennrm.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import com.github.benmanes.caffeine.cache.Ticker;

/** A clock in UTC that stands still until a test moves it. */
public final class SettableClock extends Clock {

	private final AtomicReference<Instant> now;

	public SettableClock(Instant start) {
		this.now = new AtomicReference<>(start);
	}

	/** Moves the clock on by {@code step} (back, if negative). */
	public void advance(Duration step) {
		this.now.updateAndGet(instant -> instant.plus(step));
	}

	/** This clock's time as a Caffeine cache's ticker: nanoseconds since the epoch (good until the year 2262). */
	public Ticker ticker() {
		return () -> {
			Instant now = instant();
			return now.getEpochSecond() * 1_000_000_000L + now.getNano();
		};
	}

	@Override
	public Instant instant() {
		return this.now.get();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}
}
