package org.opennrm.handoff;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.opennrm.security.Agency;

/**
 * The referring agency's next step after a decline.
 *
 * @param withdrawHandoff give up on this service for now
 * @param receivingAgency the agency to offer it to instead, when not withdrawn
 */
public record ChooseAnotherProvider(@NotNull Boolean withdrawHandoff, @Agency String receivingAgency) {

	@JsonIgnore
	@AssertTrue(message = "choose the agency to offer the service to")
	public boolean isReceivingAgencyChosen() {
		return this.withdrawHandoff == null || this.withdrawHandoff || this.receivingAgency != null;
	}
}
