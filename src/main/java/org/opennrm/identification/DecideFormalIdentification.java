package org.opennrm.identification;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * The competent authority's formal (conclusive grounds) decision. A negative decision opens a reconsideration window.
 *
 * @param identified whether the person is identified as a victim of trafficking
 * @param notIdentifiedReason why not, when not
 */
public record DecideFormalIdentification(@NotNull Boolean identified, NotIdentifiedReason notIdentifiedReason) {

	@JsonIgnore
	@AssertTrue(message = "{validation.identification.reason}")
	public boolean isNotIdentifiedReasonGiven() {
		return this.identified == null || this.identified || this.notIdentifiedReason != null;
	}

	/** Why a person is not identified as a victim. */
	public enum NotIdentifiedReason {
		BalanceOfProbabilitiesNotMet, ElementsNotMet, OtherCrimeOrAbuse, Other
	}
}
