package org.opennrm.handoff;

import jakarta.validation.constraints.NotNull;
import org.opennrm.tasks.DisplayOnly;

/**
 * The receiving agency's record of how a service it accepted ended. Only the outcome: notes about the person stay in
 * the agency's own file.
 *
 * @param service the service (shown, not written)
 * @param serviceOutcome how it ended
 */
public record RecordServiceDelivery(@DisplayOnly String service, @NotNull ServiceOutcome serviceOutcome) {

	public enum ServiceOutcome {
		Delivered, NotDelivered, PersonDeclined
	}
}
