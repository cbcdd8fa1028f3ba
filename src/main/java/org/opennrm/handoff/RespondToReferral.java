package org.opennrm.handoff;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * The receiving agency's answer to a service referral.
 *
 * @param referralAccepted whether the agency takes the person on
 * @param declineReason why not, when declined
 */
public record RespondToReferral(@NotNull Boolean referralAccepted, DeclineReason declineReason) {

	@JsonIgnore
	@AssertTrue(message = "give a reason when declining")
	public boolean isDeclineReasonGiven() {
		return this.referralAccepted == null || this.referralAccepted || this.declineReason != null;
	}

	public enum DeclineReason {
		NoCapacity, NotEligible, ServiceNotAvailable, ConflictOfInterest, Other
	}
}
