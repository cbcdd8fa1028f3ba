package org.opennrm.casework;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.opennrm.security.Agency;

/**
 * An adult's consent, per purpose and recipient, recorded after explaining each in a language they understand.
 * Cooperation with police is never a condition for assistance.
 *
 * @param consentToReferral referral for protection and assistance
 * @param consentToServices receiving services (asked when referral is agreed)
 * @param consentToShareWith the agencies that may receive case information
 * @param consentToPoliceCooperation cooperating with police (asked when referral is agreed)
 */
public record RecordConsent(@NotNull Boolean consentToReferral, Boolean consentToServices,
		List<@Agency String> consentToShareWith, Boolean consentToPoliceCooperation) {

	@JsonIgnore
	@AssertTrue(message = "{validation.consent.everyPurpose}")
	public boolean isEveryPurposeAnswered() {
		return !Boolean.TRUE.equals(this.consentToReferral)
				|| (this.consentToServices != null && this.consentToPoliceCooperation != null);
	}
}
