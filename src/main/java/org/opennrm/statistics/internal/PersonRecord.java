package org.opennrm.statistics.internal;

import java.util.Set;

/**
 * One person as statistics know them: one row of {@code nrm_statistics_person} and its multiple answers. Only
 * categories, a quarter and whole days; see {@link Classification}.
 *
 * @param jurisdiction the jurisdiction profile of the case
 * @param registeredYear year the case was registered
 * @param registeredQuarter quarter the case was registered
 * @param referringAgency the group of the first responder that registered the case
 * @param sex HTCDS gender
 * @param ageBand CTDC age band at registration
 * @param majority minor or adult at registration
 * @param citizenship ISO country code, {@code null} if unknown
 * @param citizenshipGroup own, EU, non-EU
 * @param exploitation the form of exploitation
 * @param otherForms the other forms of exploitation recorded (CTDC flags)
 * @param abducted recruited by abduction
 * @param personStatus where the person stands now
 * @param registeredVictim ever a presumed or identified victim (Eurostat's "registered victim")
 * @param identified ever formally identified
 * @param caseStatus HTCDS case status now
 * @param daysToPreliminary days from registration to the first reasonable-grounds decision
 * @param preliminaryInTime whether that decision came by its deadline
 * @param daysToFormal days from registration to the first formal identification decision
 * @param formalInTime whether that decision came by its deadline
 * @param escalations how many of the case's deadlines were missed and escalated
 * @param meansOfControl means of control (CTDC {@code meansOfControl*})
 * @param labour sectors of labour exploitation (CTDC {@code typeOfLabour*})
 * @param sexual forms of sexual exploitation (CTDC {@code typeOfSex*})
 * @param services services delivered through hand-offs
 */
record PersonRecord(String jurisdiction, int registeredYear, int registeredQuarter, String referringAgency, String sex,
		String ageBand, String majority, String citizenship, String citizenshipGroup, String exploitation,
		Set<String> otherForms, boolean abducted, String personStatus, boolean registeredVictim, boolean identified,
		String caseStatus, Integer daysToPreliminary, Boolean preliminaryInTime, Integer daysToFormal,
		Boolean formalInTime, int escalations, Set<String> meansOfControl, Set<String> labour, Set<String> sexual,
		Set<String> services) {

	PersonRecord {
		otherForms = Set.copyOf(otherForms);
		meansOfControl = Set.copyOf(meansOfControl);
		labour = Set.copyOf(labour);
		sexual = Set.copyOf(sexual);
		services = Set.copyOf(services);
	}
}
