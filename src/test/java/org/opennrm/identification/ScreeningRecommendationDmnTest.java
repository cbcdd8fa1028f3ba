package org.opennrm.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opennrm.identification.VictimIdentificationProcess.Variables;

/**
 * The screening recommendation as the decision table in {@code processes/identification/ScreeningRecommendation.dmn}
 * makes it: the ILO/EC combination rule per dimension, then adults need all three dimensions and children recruitment
 * and exploitation.
 */
class ScreeningRecommendationDmnTest {

	static final Path MODEL = Path.of("processes/identification/ScreeningRecommendation.dmn");

	static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	static Map<String, DmnDecision> decisions = new HashMap<>();

	@BeforeAll
	static void parse() throws Exception {
		try (InputStream in = Files.newInputStream(MODEL)) {
			List<DmnDecision> parsed = ENGINE.parseDecisions(in);
			parsed.forEach(decision -> decisions.put(decision.getKey(), decision));
		}
	}

	@ParameterizedTest(name = "{0} strong, {1} medium, {2} weak: indicated {3}")
	@CsvSource({ "2, 0, 0, true", "3, 0, 0, true", "1, 1, 0, true", "1, 0, 1, true", "0, 3, 0, true",
			"0, 4, 2, true", "1, 0, 0, false", "0, 2, 0, false", "0, 2, 9, false", "0, 0, 5, false", "0, 0, 0, false" })
	void a_dimension_is_indicated_by_the_ilo_ec_combination_rule(int strong, int medium, int weak, boolean indicated) {
		for (String dimension : List.of("Recruitment", "Exploitation", "Coercion")) {
			String prefix = dimension.toLowerCase();
			Map<String, Object> counts = Map.of(prefix + "Strong", strong, prefix + "Medium", medium, prefix + "Weak",
					weak);
			Object result = ENGINE.evaluateDecision(decisions.get(dimension + "Indicated"), counts)
				.getSingleResult()
				.getSingleEntry();
			assertThat(result).as(dimension).isEqualTo(indicated);
		}
	}

	@Test
	void an_adult_is_presumed_a_victim_when_recruitment_exploitation_and_coercion_are_all_indicated() {
		assertThat(recommend(false, counts(1, 1, 0, 2, 0, 0, 0, 3, 0))).isEqualTo(ScreeningRecommendation.PresumedVictim);
	}

	@Test
	void an_adult_without_the_means_element_needs_further_assessment() {
		assertThat(recommend(false, counts(2, 0, 0, 1, 1, 0, 0, 1, 0)))
			.isEqualTo(ScreeningRecommendation.FurtherAssessmentNeeded);
	}

	@Test
	void a_child_is_presumed_a_victim_on_recruitment_and_exploitation_alone() {
		assertThat(recommend(true, counts(2, 0, 0, 1, 1, 0, 0, 0, 0))).isEqualTo(ScreeningRecommendation.PresumedVictim);
	}

	@Test
	void an_uncertain_age_counts_as_a_child() {
		assertThat(recommend(null, counts(2, 0, 0, 1, 1, 0, 0, 0, 0))).isEqualTo(ScreeningRecommendation.PresumedVictim);
	}

	@Test
	void a_child_with_one_dimension_indicated_needs_further_assessment() {
		assertThat(recommend(true, counts(0, 0, 0, 0, 3, 0, 0, 0, 0)))
			.isEqualTo(ScreeningRecommendation.FurtherAssessmentNeeded);
	}

	@Test
	void any_dimension_indicated_needs_further_assessment() {
		assertThat(recommend(false, counts(0, 0, 0, 0, 0, 0, 2, 0, 0)))
			.isEqualTo(ScreeningRecommendation.FurtherAssessmentNeeded);
	}

	@Test
	void a_single_strong_indicator_needs_further_assessment() {
		assertThat(recommend(false, counts(0, 0, 0, 0, 0, 0, 1, 0, 0)))
			.isEqualTo(ScreeningRecommendation.FurtherAssessmentNeeded);
	}

	@Test
	void medium_and_weak_indicators_below_the_thresholds_recommend_no_indicators() {
		assertThat(recommend(false, counts(0, 2, 3, 0, 2, 1, 0, 2, 4))).isEqualTo(ScreeningRecommendation.NoIndicators);
	}

	@Test
	void nothing_observed_recommends_no_indicators() {
		assertThat(recommend(true, counts(0, 0, 0, 0, 0, 0, 0, 0, 0))).isEqualTo(ScreeningRecommendation.NoIndicators);
	}

	@Test
	void the_decision_returns_one_of_the_recommendations_the_process_knows() {
		assertThat(decisions.get(VictimIdentificationProcess.DECISION_SCREENING_RECOMMENDATION)).isNotNull();
		assertThat(decisions).containsKeys("RecruitmentIndicated", "ExploitationIndicated", "CoercionIndicated");
	}

	private static ScreeningRecommendation recommend(Boolean child, Map<String, Object> counts) {
		Map<String, Object> variables = new HashMap<>(counts);
		variables.put(Variables.IS_CHILD, child);
		Object result = ENGINE
			.evaluateDecision(decisions.get(VictimIdentificationProcess.DECISION_SCREENING_RECOMMENDATION), variables)
			.getSingleResult()
			.getSingleEntry();
		return ScreeningRecommendation.valueOf((String) result);
	}

	private static Map<String, Object> counts(int recruitmentStrong, int recruitmentMedium, int recruitmentWeak,
			int exploitationStrong, int exploitationMedium, int exploitationWeak, int coercionStrong, int coercionMedium,
			int coercionWeak) {
		return Map.of(Variables.RECRUITMENT_STRONG, recruitmentStrong, Variables.RECRUITMENT_MEDIUM, recruitmentMedium,
				Variables.RECRUITMENT_WEAK, recruitmentWeak, Variables.EXPLOITATION_STRONG, exploitationStrong,
				Variables.EXPLOITATION_MEDIUM, exploitationMedium, Variables.EXPLOITATION_WEAK, exploitationWeak,
				Variables.COERCION_STRONG, coercionStrong, Variables.COERCION_MEDIUM, coercionMedium,
				Variables.COERCION_WEAK, coercionWeak);
	}
}
