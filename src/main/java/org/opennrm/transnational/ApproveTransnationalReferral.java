package org.opennrm.transnational;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.opennrm.tasks.DisplayOnly;

/**
 * The national coordinator's decision on a proposed transnational referral, taken by someone other than its proposer.
 * Approving it seals the package for the receiving instance and puts it in the outbox in the same transaction.
 *
 * @param peerCountry the country it goes to (shown, not written)
 * @param referralKind return, transfer or assistance (shown, not written)
 * @param sharedFields the fields that travel, by section (shown, not written)
 * @param referralApproved whether it goes
 * @param rejectionReason why not, when not approved
 */
public record ApproveTransnationalReferral(@DisplayOnly String peerCountry, @DisplayOnly String referralKind,
		@DisplayOnly String sharedFields, @NotNull Boolean referralApproved, RejectionReason rejectionReason) {

	/** A decision as code gives it (the referral is only ever shown). */
	public ApproveTransnationalReferral(Boolean referralApproved, RejectionReason rejectionReason) {
		this(null, null, null, referralApproved, rejectionReason);
	}

	@JsonIgnore
	@AssertTrue(message = "give a reason when not approving")
	public boolean isRejectionReasonGiven() {
		return this.referralApproved == null || this.referralApproved || this.rejectionReason != null;
	}
}
