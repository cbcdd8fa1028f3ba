package org.opennrm.field.internal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.opennrm.cases.AgeGroup;
import org.opennrm.casework.OpenCase.ContactSetting;
import org.opennrm.identification.SuspectedExploitation;

/**
 * The field page's opening form: the routing facts of {@link org.opennrm.casework.OpenCase}, the team that opens the
 * case, the language of the interview and whether an interpreter interprets it; nothing that names the person.
 *
 * @param requestId the form's idempotency key, given by the server with the form
 * @param team the mobile team that opens the case; the member must belong to it
 * @param interviewLanguage the ISO 639 code of the language the interview is held in (kept in the case file's identity
 * section, as a language the person speaks)
 * @param interpreterUsed whether an interpreter interprets (the intake's {@code interpreterNeeded})
 */
record FieldOpening(@NotNull @Pattern(regexp = UUID) String requestId, @NotNull @Pattern(regexp = TEAM) String team,
		@NotNull ContactSetting contactSetting, @NotNull AgeGroup ageGroup,
		@NotNull SuspectedExploitation suspectedExploitation, @NotNull Boolean foreignNational,
		@NotNull Boolean interpreterUsed,
		@Pattern(regexp = "[a-z]{2,3}", message = "{validation.languageCode}") String interviewLanguage) {

	static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	static final String TEAM = "team-[a-z0-9]+(-[a-z0-9]+)*";

	FieldOpening {
		interviewLanguage = interviewLanguage == null || interviewLanguage.isBlank() ? null : interviewLanguage.strip();
	}
}
