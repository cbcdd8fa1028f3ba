package org.opennrm.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.opennrm.deadlines.JurisdictionProfile;
import org.opennrm.deadlines.Jurisdictions;
import org.opennrm.identification.VictimIdentificationProcess;

/**
 * The demo's overdue case (DemoDataIT, the oversight tests) must be overdue whatever day the demo starts: "eight days
 * ago" is not, when it falls on a Saturday in the jurisdiction's calendar (the clock then runs from Monday).
 */
class DemoCasesTest {

	static final Jurisdictions JURISDICTIONS = Jurisdictions.load("file:config/jurisdictions/*.yml", "coe");

	static final String CLOCK = VictimIdentificationProcess.CLOCK_PRELIMINARY_DECISION;

	@Test
	void the_decision_is_a_day_overdue_on_every_day_and_hour_of_a_year_in_every_jurisdiction() {
		for (String id : JURISDICTIONS.ids()) {
			JurisdictionProfile profile = JURISDICTIONS.profile(id);
			for (Instant now = Instant.parse("2026-01-01T00:15:00Z"); now.isBefore(Instant.parse("2027-01-01T00:00:00Z"));
					now = now.plus(Duration.ofHours(5))) {
				Instant started = DemoCases.aDayOverdue(profile, CLOCK, now);

				assertThat(profile.due(CLOCK, started)).as("%s, demo started %s", id, now)
					.isBeforeOrEqualTo(now.minus(Duration.ofDays(1)));
				assertThat(started).as("%s, demo started %s: no further back than needed", id, now)
					.isAfter(now.minus(Duration.ofDays(30)));
			}
		}
	}

	@Test
	void on_a_sunday_just_after_midnight_in_brussels_the_clock_starts_further_back_than_eight_days() {
		JurisdictionProfile coe = JURISDICTIONS.profile("coe");
		Instant sundayJustAfterMidnight = LocalDate.of(2026, 12, 6).atTime(0, 15).atZone(ZoneId.of("Europe/Brussels"))
			.toInstant();
		Instant eightDaysBefore = sundayJustAfterMidnight.minus(Duration.ofDays(8));
		assertThat(coe.due(CLOCK, eightDaysBefore)).as("eight days before is a Saturday: not yet due")
			.isAfter(sundayJustAfterMidnight);

		assertThat(DemoCases.aDayOverdue(coe, CLOCK, sundayJustAfterMidnight)).isBefore(eightDaysBefore);
	}
}
