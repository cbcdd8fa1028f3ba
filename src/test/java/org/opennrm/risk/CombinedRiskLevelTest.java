package org.opennrm.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opennrm.cases.RiskLevel;

/** The decision table that combines the two ratings, on the DMN engine alone. */
class CombinedRiskLevelTest {

	static DmnEngine dmn;

	static DmnDecision decision;

	@BeforeAll
	static void parse() throws IOException {
		dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream in = new FileInputStream("processes/risk/CombinedRiskLevel.dmn")) {
			decision = dmn.parseDecision(RiskAssessmentProcess.DECISION_COMBINED_RISK_LEVEL, in);
		}
	}

	@ParameterizedTest
	@EnumSource(RiskLevel.class)
	void the_higher_of_the_two_ratings_wins_whoever_gives_it(RiskLevel police) {
		for (RiskLevel caseManager : RiskLevel.values()) {
			assertThat((String) combine(police.name(), caseManager.name()).getSingleEntry())
				.as("police %s, case manager %s", police, caseManager)
				.isEqualTo(police.max(caseManager).name());
		}
	}

	@Test
	void a_missing_rating_gives_no_level_rather_than_a_low_one() {
		assertThat(combine("Low", null).isEmpty()).isTrue();
		assertThat(combine(null, null).isEmpty()).isTrue();
	}

	@Test
	void one_high_rating_is_enough_even_without_the_other() {
		assertThat((String) combine(null, "High").getSingleEntry()).isEqualTo("High");
	}

	private static DmnDecisionTableResult combine(String police, String caseManager) {
		return dmn.evaluateDecisionTable(decision, Variables.createVariables()
			.putValue(RiskAssessmentProcess.Variables.POLICE_RISK_RATING, police)
			.putValue(RiskAssessmentProcess.Variables.CASE_MANAGER_RISK_RATING, caseManager));
	}
}
