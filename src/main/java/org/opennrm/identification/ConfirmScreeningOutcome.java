package org.opennrm.identification;

import java.util.Map;

import jakarta.validation.constraints.NotNull;
import org.opennrm.i18n.Text;
import org.opennrm.tasks.DisplayOnly;

/**
 * The screener's decision on the recommendation. A positive screen means presumed, never proof; a decision that
 * departs from the recommendation needs a reason.
 *
 * @param screeningRecommendation what the decision table recommended (shown, not written)
 * @param presumedVictim whether the person is presumed a victim of trafficking
 * @param overrideReason why the decision departs from the recommendation, when it does
 */
public record ConfirmScreeningOutcome(@DisplayOnly String screeningRecommendation, @NotNull Boolean presumedVictim,
		OverrideReason overrideReason) {

	/** Why a screener departs from the recommendation. */
	public enum OverrideReason {
		ContextSuggestsTrafficking, IndicatorsPointToOtherCrime, PersonDisclosedMore, InsufficientInformation, Other
	}

	/**
	 * The rule that needs the process's state: a reason whenever the decision departs from what was recommended (no
	 * recommendation at all counts as a departure).
	 * @return field name to what is wrong; empty when valid
	 */
	public Map<String, Text> violationsGiven(ScreeningRecommendation recommended) {
		if (this.presumedVictim == null || this.overrideReason != null) {
			return Map.of();
		}
		if (recommended == null || recommended.departsFrom(this.presumedVictim)) {
			return Map.of("overrideReason", Text.of("problem.screening.overrideReason"));
		}
		return Map.of();
	}
}
