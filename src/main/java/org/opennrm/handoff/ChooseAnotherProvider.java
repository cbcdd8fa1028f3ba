package org.opennrm.handoff;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.opennrm.security.Agency;
import org.opennrm.tasks.DisplayOnly;

/**
 * The referring agency's next step when no provider on the routing list has taken the service on.
 *
 * @param service the service to be provided (shown, not written)
 * @param withdrawHandoff give up on this service for now
 * @param receivingAgency the agency to offer it to instead, when not withdrawn
 */
public record ChooseAnotherProvider(@DisplayOnly String service, @NotNull Boolean withdrawHandoff,
		@Agency String receivingAgency) {

	/** A choice as code gives it (the service is only ever shown). */
	public ChooseAnotherProvider(Boolean withdrawHandoff, String receivingAgency) {
		this(null, withdrawHandoff, receivingAgency);
	}

	@JsonIgnore
	@AssertTrue(message = "{validation.handoff.chooseAgency}")
	public boolean isReceivingAgencyChosen() {
		return this.withdrawHandoff == null || this.withdrawHandoff || this.receivingAgency != null;
	}
}
