package org.opennrm.identification;

/**
 * What the decision table {@code ScreeningRecommendation} recommends from the indicators seen. A person decides; a
 * positive screen means presumed, never proof.
 */
public enum ScreeningRecommendation {

	/** The combination rule is met: presume the person a victim. */
	PresumedVictim,
	/** Some indicators, not enough to presume: either answer needs a reason. */
	FurtherAssessmentNeeded,
	/** No dimension indicated and no strong indicator seen. */
	NoIndicators;

	/**
	 * Whether a screener's answer departs from this recommendation and so needs a reason. "Further assessment needed"
	 * is a departure whichever way the screener decides.
	 */
	public boolean departsFrom(boolean presumedVictim) {
		return switch (this) {
			case PresumedVictim -> !presumedVictim;
			case NoIndicators -> presumedVictim;
			case FurtherAssessmentNeeded -> true;
		};
	}
}
