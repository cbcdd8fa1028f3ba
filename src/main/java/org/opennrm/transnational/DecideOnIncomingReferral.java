package org.opennrm.transnational;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.opennrm.security.Agency;
import org.opennrm.tasks.DisplayOnly;

/**
 * The receiving national coordinator's answer to a referral from another country's instance, within this
 * jurisdiction's response time. Accepting opens a case here, led by the agency chosen, with what arrived in its case
 * file; declining needs a reason. Either answer travels back signed.
 *
 * @param peerCountry the country it came from (shown, not written)
 * @param referralKind return, transfer or assistance (shown, not written)
 * @param sharedFields the fields that arrived, by section (shown, not written; their content is on the referral's page)
 * @param referralAccepted whether this mechanism takes the person on
 * @param leadAgency the agency that opens and leads the case, when accepted
 * @param declineReason why not, when declined
 */
public record DecideOnIncomingReferral(@DisplayOnly String peerCountry, @DisplayOnly String referralKind,
		@DisplayOnly String sharedFields, @NotNull Boolean referralAccepted, @Agency String leadAgency,
		DeclineReason declineReason) {

	/** An answer as code gives it (the referral is only ever shown). */
	public DecideOnIncomingReferral(Boolean referralAccepted, String leadAgency, DeclineReason declineReason) {
		this(null, null, null, referralAccepted, leadAgency, declineReason);
	}

	@JsonIgnore
	@AssertTrue(message = "choose the agency that leads the case")
	public boolean isLeadAgencyChosen() {
		return this.referralAccepted == null || !this.referralAccepted || this.leadAgency != null;
	}

	@JsonIgnore
	@AssertTrue(message = "give a reason when declining")
	public boolean isDeclineReasonGiven() {
		return this.referralAccepted == null || this.referralAccepted || this.declineReason != null;
	}
}
