package org.opennrm.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.opennrm.handoff.ServiceHandoffProcess.ServiceType;
import org.opennrm.handoff.ServiceHandoffProcess.Variables;
import org.opennrm.security.Role;

/** The default routing table: which agency each service is offered to, in order, until the list runs out. */
class HandoffRoutingDmnTest {

	static final Path TABLE = Path.of("processes/handoff/HandoffRouting.dmn");

	static DmnDecision routing;

	static DmnEngine dmn;

	@BeforeAll
	static void parse() throws IOException {
		dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream in = Files.newInputStream(TABLE)) {
			routing = dmn.parseDecision(ServiceHandoffProcess.DECISION_HANDOFF_ROUTING, in);
		}
	}

	@ParameterizedTest(name = "{0}, attempt {1}: {2}")
	@CsvSource({ "Shelter, 1, ngo", "Shelter, 2, social", "MedicalCare, 1, health", "PsychoSocialSupport, 1, ngo",
			"PsychoSocialSupport, 2, health", "LegalAid, 1, ngo", "Interpretation, 1, ngo", "Interpretation, 2, social",
			"EducationOrEmployment, 1, social", "EducationOrEmployment, 2, ngo", "FamilyContact, 1, social" })
	void each_service_is_offered_to_its_providers_in_order(String service, int attempt, String agency) {
		assertThat(provider(service, attempt)).isEqualTo(agency);
	}

	@ParameterizedTest(name = "{0}, attempt {1}")
	@CsvSource({ "Shelter, 3", "MedicalCare, 2", "PsychoSocialSupport, 3", "LegalAid, 2", "Interpretation, 3",
			"EducationOrEmployment, 3", "FamilyContact, 2", "Shelter, 0" })
	void when_the_list_is_exhausted_there_is_no_provider_and_the_referring_agency_chooses(String service, int attempt) {
		assertThat(evaluate(service, attempt)).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(ServiceType.class)
	void every_service_has_a_first_provider_and_every_provider_is_an_agency(ServiceType service) {
		assertThat(provider(service.name(), 1)).isNotNull();
		for (int attempt = 1; attempt <= 5; attempt++) {
			String agency = provider(service.name(), attempt);
			if (agency != null) {
				assertThat(Role.ofGroup(agency)).hasValueSatisfying(role -> assertThat(role.isAgency()).isTrue());
			}
		}
	}

	@Test
	void a_service_the_table_does_not_know_has_no_provider() {
		assertThat(evaluate("Catering", 1)).isEmpty();
	}

	private static String provider(String service, int attempt) {
		DmnDecisionResult result = evaluate(service, attempt);
		return result.isEmpty() ? null : result.getSingleEntry();
	}

	private static DmnDecisionResult evaluate(String service, int attempt) {
		return dmn.evaluateDecision(routing,
				Map.of(Variables.SERVICE, service, Variables.ATTEMPT, (long) attempt));
	}
}
