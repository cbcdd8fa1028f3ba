package org.opennrm.referral;

import jakarta.validation.constraints.NotNull;
import org.opennrm.security.Agency;

/**
 * What a frontline worker records to open a case: routing facts only, nothing that identifies the person. It is the
 * body of {@code POST /api/cases} and the start form {@code OpenCase} in Tasklist.
 *
 * @param referringAgency the agency the worker opens the case for; they must belong to it
 * @param contactSetting where first contact happened
 * @param childSuspected under 18 or age uncertain: an uncertain age means the person is treated as a child
 * @param interpreterNeeded whether an interpreter is needed
 */
public record OpenCase(@NotNull @Agency String referringAgency, @NotNull ContactSetting contactSetting,
		@NotNull Boolean childSuspected, @NotNull Boolean interpreterNeeded) {

	/** Where first contact with the person happened. */
	public enum ContactSetting {
		BorderOrTransit, PoliceOperation, LabourInspection, Outreach, Hotline, HealthFacility, SocialServices,
		SelfReferral, Other
	}
}
