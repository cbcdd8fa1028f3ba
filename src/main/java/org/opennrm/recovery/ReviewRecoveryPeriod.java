package org.opennrm.recovery;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * The competent authority's review at the end of the recovery period.
 *
 * @param extendPeriod whether the person gets more time
 * @param extensionReason why, when extended
 */
public record ReviewRecoveryPeriod(@NotNull Boolean extendPeriod, ExtensionReason extensionReason) {

	@JsonIgnore
	@AssertTrue(message = "{validation.recovery.extensionReason}")
	public boolean isExtensionReasonGiven() {
		return this.extendPeriod == null || !this.extendPeriod || this.extensionReason != null;
	}

	/** Why a person needs more time (UK practice: health, trauma or intimidation). */
	public enum ExtensionReason {
		Health, Trauma, Intimidation, Other
	}
}
