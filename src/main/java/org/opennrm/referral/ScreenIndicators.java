package org.opennrm.referral;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * The outcome of indicator screening: a person's decision, presumed or not, with a reason when not. A positive screen
 * means presumed, never proof.
 *
 * @param suspectedExploitation the form of exploitation the indicators point to (routes checklists and services)
 * @param indicatorLevel the strongest indicator observed
 * @param presumedVictim whether the person is presumed a victim of trafficking
 * @param reasonNotPresumed why not, when not
 */
public record ScreenIndicators(@NotNull ExploitationForm suspectedExploitation, @NotNull IndicatorLevel indicatorLevel,
		@NotNull Boolean presumedVictim, ReasonNotPresumed reasonNotPresumed) {

	@JsonIgnore
	@AssertTrue(message = "give a reason when the person is not presumed a victim")
	public boolean isReasonNotPresumedGiven() {
		return this.presumedVictim == null || this.presumedVictim || this.reasonNotPresumed != null;
	}

	/** Forms of exploitation, following the 2024 EU directive's list. */
	public enum ExploitationForm {
		SexualExploitation, LabourExploitation, ForcedBegging, ForcedCriminality, ForcedMarriage, Other, Unknown
	}

	/** Indicator strength as the ILO/EC operational indicators grade it. */
	public enum IndicatorLevel {
		Strong, Medium, Weak, None
	}

	/** Why a screen did not find a presumed victim. */
	public enum ReasonNotPresumed {
		NoIndicators, OtherCrime, ReferredElsewhere, PersonDeclined, Other
	}
}
