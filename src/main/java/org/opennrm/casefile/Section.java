package org.opennrm.casefile;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The sections of a case file. Each is read and written as a whole, under the access policy
 * ({@code config/access-policy.yml}); law enforcement is a compartment of its own.
 */
public enum Section {

	/** Who the person is: names, birth date, gender, nationality, languages, contact (HTCDS person fields). */
	Identity("identity", IdentitySection.class),

	/** How the person was identified: screenings and the victim context (HTCDS victim context fields). */
	Identification("identification", IdentificationSection.class),

	/** Risk to the person's safety: the assessments' factors and the safety plan. */
	Risk("risk", RiskSection.class),

	/** Health: conditions, needs and care (special-category data). */
	Health("health", HealthSection.class),

	/** Psycho-social support: assessment, plan and session notes (special-category data). */
	PsychoSocial("psycho-social", PsychoSocialSection.class),

	/** Legal status, representation and proceedings. */
	Legal("legal", LegalSection.class),

	/** Services: needs and arrangements beyond the hand-off registry. */
	Services("services", ServicesSection.class),

	/** Law enforcement: statements, investigation and witness protection; police only. */
	LawEnforcement("law-enforcement", LawEnforcementSection.class);

	private final String key;

	private final Class<? extends SectionContent> type;

	Section(String key, Class<? extends SectionContent> type) {
		this.key = key;
		this.type = type;
	}

	/** The section's name in URLs, in the policy file and in storage. */
	@JsonValue
	public String key() {
		return this.key;
	}

	/** The record its content is read into and validated as. */
	public Class<? extends SectionContent> type() {
		return this.type;
	}

	public static Optional<Section> byKey(String key) {
		return Arrays.stream(values()).filter(section -> section.key.equals(key)).findFirst();
	}
}
