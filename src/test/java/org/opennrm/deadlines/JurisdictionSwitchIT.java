package org.opennrm.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.opennrm.test.Api.body;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennrm.casework.NrmCaseProcess;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.recovery.RecoveryPeriodProcess;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.ServiceRuns;
import org.opennrm.test.TestDatabase;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Jurisdiction profiles are configuration: switching the service to another profile, or editing a duration in one,
 * changes the deadlines of new cases with no code change. Each run starts the service as an operator would, on the
 * profile files in a folder of its own.
 */
class JurisdictionSwitchIT {

	static final Map<String, Object> FOREIGN_ADULT = body("referringAgency", "police", "contactSetting",
			"BorderOrTransit", "ageGroup", "Adult", "suspectedExploitation", "LabourExploitation", "foreignNational",
			true, "interpreterNeeded", true);

	@TempDir
	Path profiles;

	@Test
	void the_profile_in_force_and_its_durations_set_the_deadlines() throws IOException {
		assumeThat(TestDatabase.isPostgres()).as("profiles do not depend on the database: this runs on H2 only")
			.isFalse();
		try (Stream<Path> shipped = Files.list(Path.of("config", "jurisdictions"))) {
			for (Path profile : shipped.toList()) {
				Files.copy(profile, this.profiles.resolve(profile.getFileName()));
			}
		}
		Path coe = this.profiles.resolve("coe.yml");
		Files.writeString(coe, Files.readString(coe)
			.replace("preliminary-decision: 5 working days", "preliminary-decision: 2 days"));

		FirstDeadlines edited = firstDeadlinesUnder("coe");
		FirstDeadlines northMacedonia = firstDeadlinesUnder("mk");

		assertThat(edited.preliminaryDecision()).as("the edited baseline").isEqualTo(Duration.ofDays(2));
		assertThat(edited.recoveryPeriod()).as("CoE: at least 30 days").isEqualTo(Duration.ofDays(30));
		assertThat(northMacedonia.preliminaryDecision()).as("5 working days span a weekend")
			.isGreaterThanOrEqualTo(Duration.ofDays(7));
		assertThat(northMacedonia.recoveryPeriod()).as("North Macedonia: two months for a foreign national")
			.isEqualTo(Duration.ofDays(60));
	}

	/** Opens a case for a foreign national on a service run under the profile, and reads its first two deadlines. */
	private FirstDeadlines firstDeadlinesUnder(String jurisdiction) {
		Map<String, Object> properties = new HashMap<>(ServiceRuns.freshH2());
		properties.put("nrm.cases.jurisdiction", jurisdiction);
		properties.put("nrm.jurisdictions.location", this.profiles.toUri() + "*.yml");
		try (ConfigurableApplicationContext run = ServiceRuns.start("demo", properties)) {
			CaseJourney journey = CaseJourney.on(run);
			String reference = journey.open("demo-police", FOREIGN_ADULT);
			journey.complete("demo-police", reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS,
					CaseJourney.ADULT_LABOUR_INDICATORS);
			Instant decided = Instant.now();
			journey.complete("demo-police", reference, VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME,
					body("presumedVictim", true));
			Instant preliminaryDue = Instant.parse(journey
				.task("demo-authority", reference, VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS)
				.path("due")
				.asText());
			assertThat(journey.caseView("demo-supervisor", reference).path("jurisdiction").asText())
				.isEqualTo(jurisdiction);

			journey.complete("demo-authority", reference, VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS,
					body("reasonableGrounds", "Positive"));
			Instant granted = Instant.now();
			journey.complete("demo-police", reference, NrmCaseProcess.TASK_RECORD_CONSENT,
					body("consentToReferral", true, "consentToServices", true, "consentToPoliceCooperation", false));
			String period = run.getBean(RuntimeService.class)
				.createProcessInstanceQuery()
				.processDefinitionKey(RecoveryPeriodProcess.KEY)
				.processInstanceBusinessKey(reference)
				.singleResult()
				.getId();
			Job periodEnds = run.getBean(ManagementService.class)
				.createJobQuery()
				.processInstanceId(period)
				.timers()
				.activityId(RecoveryPeriodProcess.EVENT_RECOVERY_PERIOD_ENDS)
				.singleResult();
			assertThat(periodEnds).as("the recovery period runs").isNotNull();
			return new FirstDeadlines(roundedToMinutes(Duration.between(decided, preliminaryDue)),
					roundedToMinutes(Duration.between(granted, periodEnds.getDuedate().toInstant())));
		}
	}

	private static Duration roundedToMinutes(Duration duration) {
		return Duration.ofMinutes(Math.round(duration.toSeconds() / 60.0));
	}

	record FirstDeadlines(Duration preliminaryDecision, Duration recoveryPeriod) {
	}
}
