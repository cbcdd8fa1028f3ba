package org.opennrm.transnational;

import jakarta.validation.constraints.NotNull;
import org.opennrm.tasks.DisplayOnly;

/**
 * The person's consent (a child's guardian's, on the child's behalf) to a proposed transnational referral: to sending
 * exactly the fields shown, to exactly that country. It goes to the consent ledger (purpose
 * {@code TransnationalReferral}, the country as recipient); without it nothing is sent.
 *
 * @param peerCountry the country the referral goes to (shown, not written)
 * @param referralKind return, transfer or assistance (shown, not written)
 * @param sharedFields the case file fields that would travel, by section (shown, not written)
 * @param consentGiven whether consent is given
 */
public record RecordTransnationalConsent(@DisplayOnly String peerCountry, @DisplayOnly String referralKind,
		@DisplayOnly String sharedFields, @NotNull Boolean consentGiven) {

	/** A decision as code gives it (the referral is only ever shown). */
	public RecordTransnationalConsent(Boolean consentGiven) {
		this(null, null, null, consentGiven);
	}
}
