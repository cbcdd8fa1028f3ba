package org.opennrm.assistance;

/**
 * A service an assistance plan provides (CETS 197 Art. 12, Directive 2011/36/EU Art. 11). The first six are the
 * service hand-off's service types; family contact is arranged by the case manager, for a child only after a
 * best-interests determination.
 */
public enum PlannedService {
	Shelter, MedicalCare, PsychoSocialSupport, LegalAid, Interpretation, EducationOrEmployment, FamilyContact
}
