package org.opennrm.handoff;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.opennrm.tasks.DisplayOnly;

/**
 * The receiving agency's answer to a service referral.
 *
 * @param service the service offered (shown, not written)
 * @param referralAccepted whether the agency takes the person on
 * @param declineReason why not, when declined
 */
public record RespondToReferral(@DisplayOnly String service, @NotNull Boolean referralAccepted,
		DeclineReason declineReason) {

	/** An answer as code gives it (the service is only ever shown). */
	public RespondToReferral(Boolean referralAccepted, DeclineReason declineReason) {
		this(null, referralAccepted, declineReason);
	}

	@JsonIgnore
	@AssertTrue(message = "{validation.referral.declineReason}")
	public boolean isDeclineReasonGiven() {
		return this.referralAccepted == null || this.referralAccepted || this.declineReason != null;
	}

	public enum DeclineReason {
		NoCapacity, NotEligible, ServiceNotAvailable, ConflictOfInterest, Other
	}
}
