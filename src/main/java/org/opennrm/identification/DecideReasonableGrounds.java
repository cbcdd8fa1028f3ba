package org.opennrm.identification;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * The competent authority's preliminary decision: are there reasonable grounds to believe the person is a victim of
 * trafficking?
 *
 * @param reasonableGrounds the decision
 * @param noGroundsReason why not, when negative
 */
public record DecideReasonableGrounds(@NotNull Grounds reasonableGrounds, NoGroundsReason noGroundsReason) {

	@JsonIgnore
	@AssertTrue(message = "{validation.reasonableGrounds.reason}")
	public boolean isNoGroundsReasonGiven() {
		return this.reasonableGrounds != Grounds.Negative || this.noGroundsReason != null;
	}

	public enum Grounds {
		Positive, Negative
	}

	/** Why there are no reasonable grounds. */
	public enum NoGroundsReason {
		ElementsNotMet, OtherCrimeOrAbuse, Other
	}
}
