package org.opennrm.casework;

import jakarta.validation.constraints.NotNull;
import org.opennrm.cases.AgeGroup;
import org.opennrm.identification.SuspectedExploitation;
import org.opennrm.security.ReferringParty;

/**
 * What a frontline worker records to open a case: routing facts only, nothing that identifies the person. It is the
 * body of {@code POST /api/cases} and the start form {@code OpenCase} in Tasklist.
 *
 * @param referringAgency the agency, or the mobile identification team, the worker opens the case for; they must
 * belong to it (Tasklist's start form offers agencies; teams open cases on the field page)
 * @param contactSetting where first contact happened
 * @param ageGroup child, adult, or uncertain (treated as a child)
 * @param suspectedExploitation the form of exploitation the first contact suggests (chooses the checklist)
 * @param foreignNational whether the person is a foreign national (some jurisdictions grant a longer recovery period)
 * @param interpreterNeeded whether an interpreter is needed
 */
public record OpenCase(@NotNull @ReferringParty String referringAgency, @NotNull ContactSetting contactSetting,
		@NotNull AgeGroup ageGroup, @NotNull SuspectedExploitation suspectedExploitation, @NotNull Boolean foreignNational,
		@NotNull Boolean interpreterNeeded) {

	/** Where first contact with the person happened. */
	public enum ContactSetting {
		BorderOrTransit, PoliceOperation, LabourInspection, Outreach, Hotline, HealthFacility, SocialServices,
		SelfReferral, TransnationalReferral, Other
	}
}
