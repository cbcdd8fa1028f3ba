package org.opennrm.deadlines;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as an operator writes it in a jurisdiction profile: {@code 5 working days}, {@code 30 days},
 * {@code 24 hours}, {@code 90 minutes}.
 */
public record ClockDuration(long amount, Unit unit) {

	private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s+(working days?|days?|hours?|minutes?)");

	public enum Unit {
		WORKING_DAYS, DAYS, HOURS, MINUTES
	}

	public ClockDuration {
		if (amount < 0) {
			throw new IllegalArgumentException("A duration cannot be negative: " + amount);
		}
	}

	public static ClockDuration parse(String text) {
		Matcher matcher = FORMAT.matcher(text.trim().toLowerCase(Locale.ROOT));
		if (!matcher.matches()) {
			throw new IllegalArgumentException(
					"Not a duration: '" + text + "' (write e.g. '5 working days', '30 days', '24 hours')");
		}
		long amount = Long.parseLong(matcher.group(1));
		String unit = matcher.group(2);
		if (unit.startsWith("working")) {
			return new ClockDuration(amount, Unit.WORKING_DAYS);
		}
		if (unit.startsWith("day")) {
			return new ClockDuration(amount, Unit.DAYS);
		}
		return new ClockDuration(amount, unit.startsWith("hour") ? Unit.HOURS : Unit.MINUTES);
	}

	/** The elapsed time, for calendar units only (working days depend on the calendar). */
	public Duration asDuration() {
		return switch (this.unit) {
			case DAYS -> Duration.ofDays(this.amount);
			case HOURS -> Duration.ofHours(this.amount);
			case MINUTES -> Duration.ofMinutes(this.amount);
			case WORKING_DAYS -> throw new IllegalStateException("Working days have no fixed length: " + this);
		};
	}

	@Override
	public String toString() {
		return this.amount + " " + this.unit.name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}
}
