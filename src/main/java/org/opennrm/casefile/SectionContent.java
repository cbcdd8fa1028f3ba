package org.opennrm.casefile;

/**
 * The content of one section of a case file: a record whose field names follow the IOM Human Trafficking Case Data
 * Standard (HTCDS) where it has them. Bean Validation on the record is the check for every write.
 */
public sealed interface SectionContent permits IdentitySection, IdentificationSection, RiskSection, HealthSection,
		PsychoSocialSection, LegalSection, ServicesSection, LawEnforcementSection {

	/** Longest free text a field takes. */
	int TEXT = 20_000;

	/** Longest name or short value a field takes. */
	int NAME = 200;
}
