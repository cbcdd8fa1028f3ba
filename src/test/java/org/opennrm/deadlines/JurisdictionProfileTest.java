package org.opennrm.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

/** The clocks of the shipped profiles, on a real calendar. */
class JurisdictionProfileTest {

	static final Jurisdictions PROFILES = Jurisdictions.load("file:config/jurisdictions/*.yml", "coe");

	@Test
	void both_shipped_profiles_load_and_define_every_clock() {
		assertThat(PROFILES.ids()).contains("coe", "mk");
		assertThat(PROFILES.profile("mk").clock("recovery-period-foreign-national"))
			.isEqualTo(new ClockDuration(60, ClockDuration.Unit.DAYS));
		assertThat(PROFILES.profile("coe").clock("recovery-period-foreign-national"))
			.isEqualTo(new ClockDuration(30, ClockDuration.Unit.DAYS));
	}

	@Test
	void five_working_days_skip_the_weekend() {
		Instant mondayMorning = at("2026-03-02T10:00:00+01:00[Europe/Brussels]");

		assertThat(PROFILES.profile("coe").due("preliminary-decision", mondayMorning))
			.isEqualTo(at("2026-03-09T10:00:00+01:00[Europe/Brussels]"));
	}

	@Test
	void working_days_skip_the_jurisdictions_public_holidays() {
		// Independence Day, Tuesday 8 September 2026, is not a working day in North Macedonia.
		Instant friday = at("2026-09-04T09:00:00+02:00[Europe/Skopje]");
		assertThat(PROFILES.profile("mk").due("preliminary-decision", friday))
			.isEqualTo(at("2026-09-14T09:00:00+02:00[Europe/Skopje]"));
		// Orthodox Easter Monday 13 Apr 2026 is a holiday in North Macedonia, not in the baseline profile.
		Instant thursdayBeforeEaster = at("2026-04-09T09:00:00+02:00[Europe/Skopje]");
		assertThat(PROFILES.profile("mk").due("preliminary-decision", thursdayBeforeEaster))
			.isEqualTo(at("2026-04-17T09:00:00+02:00[Europe/Skopje]"));
		assertThat(PROFILES.profile("coe").due("preliminary-decision", thursdayBeforeEaster))
			.isEqualTo(at("2026-04-16T09:00:00+02:00[Europe/Skopje]"));
	}

	@Test
	void a_clock_started_on_a_day_off_counts_from_the_next_working_day() {
		Instant saturday = at("2026-03-07T15:00:00+01:00[Europe/Brussels]");

		// Counting starts Monday 00:00; five working days later is the end of Friday.
		assertThat(PROFILES.profile("coe").due("preliminary-decision", saturday))
			.isEqualTo(at("2026-03-16T00:00:00+01:00[Europe/Brussels]"));
	}

	@Test
	void calendar_clocks_run_through_weekends_and_the_reminder_comes_at_eighty_percent() {
		Instant start = at("2026-03-07T15:00:00+01:00[Europe/Brussels]");

		assertThat(PROFILES.profile("coe").due("handoff-response", start)).isEqualTo(start.plusSeconds(24 * 3600));
		assertThat(PROFILES.profile("coe").reminder("handoff-response", start))
			.isEqualTo(start.plusSeconds(24 * 3600 * 80 / 100));
	}

	@Test
	void durations_read_as_an_operator_writes_them_and_nonsense_is_refused() {
		assertThat(ClockDuration.parse("5 working days")).isEqualTo(new ClockDuration(5, ClockDuration.Unit.WORKING_DAYS));
		assertThat(ClockDuration.parse("1 day")).isEqualTo(new ClockDuration(1, ClockDuration.Unit.DAYS));
		assertThat(ClockDuration.parse("24 Hours")).isEqualTo(new ClockDuration(24, ClockDuration.Unit.HOURS));
		assertThatThrownBy(() -> ClockDuration.parse("a fortnight")).hasMessageContaining("Not a duration");
		assertThatThrownBy(() -> PROFILES.profile("xx")).hasMessageContaining("No jurisdiction profile");
		assertThatThrownBy(() -> PROFILES.profile("coe").clock("lunch")).hasMessageContaining("no clock");
	}

	private static Instant at(String zoned) {
		return ZonedDateTime.parse(zoned).toInstant();
	}
}
