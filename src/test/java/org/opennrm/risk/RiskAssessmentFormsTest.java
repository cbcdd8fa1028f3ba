package org.opennrm.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.opennrm.cases.RiskLevel;

/** What an assessor may submit. */
class RiskAssessmentFormsTest {

	static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

	@Test
	void an_assessment_names_a_rating_and_at_least_one_factor() {
		assertThat(invalidFields(new AssessRiskAsPolice("Return", RiskLevel.Medium, List.of(RiskFactor.ThreatsReceived))))
			.isEmpty();
		assertThat(invalidFields(new AssessRiskAsPolice("Return", null, List.of()))).contains("riskRating", "riskFactors");
	}

	@Test
	void none_is_an_answer_of_its_own() {
		assertThat(invalidFields(new AssessRiskAsCaseManager(null, RiskLevel.Low, List.of(RiskFactor.None)))).isEmpty();
		assertThat(invalidFields(
				new AssessRiskAsCaseManager(null, RiskLevel.Low, List.of(RiskFactor.None, RiskFactor.HealthAtRisk))))
			.containsExactly("noneChosenAlone");
	}

	private static Set<String> invalidFields(Object form) {
		return Set.copyOf(VALIDATOR.validate(form).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
			.toList());
	}
}
