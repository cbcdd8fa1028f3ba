package org.opennrm.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;

/**
 * One jurisdiction's rules for time: the duration of every clock, its public holidays and time zone, and the group
 * of its competent identification authority. Read from {@code config/jurisdictions/<id>.yml}.
 *
 * @param id short id, e.g. {@code coe}, {@code mk}
 * @param name display name
 * @param country the ISO 3166-1 alpha-2 code of the jurisdiction's country, {@code null} for a baseline that is not a
 * country (statistics count its own citizens by it)
 * @param timeZone the zone in which working days are counted
 * @param competentAuthority the engine group that takes identification decisions
 * @param reminderAtPercent when, as a share of the time to a deadline, the owner is reminded
 * @param clocks clock name to duration
 * @param fixedHolidays public holidays on the same day every year
 * @param datedHolidays moveable public holidays, by date
 */
public record JurisdictionProfile(String id, String name, String country, ZoneId timeZone, String competentAuthority,
		int reminderAtPercent, Map<String, ClockDuration> clocks, Set<MonthDay> fixedHolidays,
		Set<LocalDate> datedHolidays) {

	public JurisdictionProfile {
		clocks = Map.copyOf(clocks);
		fixedHolidays = Set.copyOf(fixedHolidays);
		datedHolidays = Set.copyOf(datedHolidays);
		if (reminderAtPercent <= 0 || reminderAtPercent >= 100) {
			throw new IllegalArgumentException(id + ": reminder-at-percent must be between 1 and 99");
		}
	}

	public ClockDuration clock(String name) {
		ClockDuration duration = this.clocks.get(name);
		if (duration == null) {
			throw new IllegalArgumentException("Jurisdiction '" + this.id + "' has no clock '" + name + "'");
		}
		return duration;
	}

	public boolean isWorkingDay(LocalDate day) {
		return switch (day.getDayOfWeek()) {
			case SATURDAY, SUNDAY -> false;
			default -> !this.fixedHolidays.contains(MonthDay.from(day)) && !this.datedHolidays.contains(day);
		};
	}

	/**
	 * When a clock started at {@code from} runs out. Working days skip weekends and public holidays and keep the time
	 * of day; a clock started on a day off counts from the next working day's start.
	 */
	public Instant due(String clock, Instant from) {
		ClockDuration duration = clock(clock);
		if (duration.unit() != ClockDuration.Unit.WORKING_DAYS) {
			return from.plus(duration.asDuration());
		}
		ZonedDateTime at = from.atZone(this.timeZone);
		if (!isWorkingDay(at.toLocalDate())) {
			at = at.toLocalDate().atStartOfDay(this.timeZone);
			while (!isWorkingDay(at.toLocalDate())) {
				at = at.plusDays(1);
			}
		}
		long left = duration.amount();
		while (left > 0) {
			at = at.plusDays(1);
			if (isWorkingDay(at.toLocalDate())) {
				left--;
			}
		}
		return at.toInstant();
	}

	/** When the owner of a clock started at {@code from} gets their reminder. */
	public Instant reminder(String clock, Instant from) {
		Instant due = due(clock, from);
		long millis = java.time.Duration.between(from, due).toMillis() * this.reminderAtPercent / 100;
		return from.plusMillis(millis);
	}
}
