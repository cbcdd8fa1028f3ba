package org.opennrm.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennrm.identification.ScreeningRecommendation.FurtherAssessmentNeeded;
import static org.opennrm.identification.ScreeningRecommendation.NoIndicators;
import static org.opennrm.identification.ScreeningRecommendation.PresumedVictim;

import org.junit.jupiter.api.Test;
import org.opennrm.identification.ConfirmScreeningOutcome.OverrideReason;

/** A screener who departs from the recommendation says why; "further assessment needed" is always a departure. */
class ConfirmScreeningOutcomeTest {

	@Test
	void following_the_recommendation_needs_no_reason() {
		assertThat(confirm(true, null).violationsGiven(PresumedVictim)).isEmpty();
		assertThat(confirm(false, null).violationsGiven(NoIndicators)).isEmpty();
	}

	@Test
	void departing_from_the_recommendation_needs_a_reason() {
		assertThat(confirm(false, null).violationsGiven(PresumedVictim)).containsOnlyKeys("overrideReason");
		assertThat(confirm(true, null).violationsGiven(NoIndicators)).containsOnlyKeys("overrideReason");
	}

	@Test
	void further_assessment_needed_needs_a_reason_for_either_answer() {
		assertThat(confirm(true, null).violationsGiven(FurtherAssessmentNeeded)).containsOnlyKeys("overrideReason");
		assertThat(confirm(false, null).violationsGiven(FurtherAssessmentNeeded)).containsOnlyKeys("overrideReason");
		assertThat(confirm(false, OverrideReason.InsufficientInformation).violationsGiven(FurtherAssessmentNeeded))
			.isEmpty();
	}

	@Test
	void a_decision_without_a_recommendation_needs_a_reason() {
		assertThat(confirm(true, null).violationsGiven(null)).containsOnlyKeys("overrideReason");
		assertThat(confirm(true, OverrideReason.PersonDisclosedMore).violationsGiven(null)).isEmpty();
	}

	@Test
	void a_missing_answer_is_left_to_bean_validation() {
		assertThat(confirm(null, null).violationsGiven(PresumedVictim)).isEmpty();
	}

	private static ConfirmScreeningOutcome confirm(Boolean presumedVictim, OverrideReason reason) {
		return new ConfirmScreeningOutcome("ignored", presumedVictim, reason);
	}
}
