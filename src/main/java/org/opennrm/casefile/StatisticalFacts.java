package org.opennrm.casefile;

import java.util.Set;

import org.opennrm.casefile.IdentificationSection.LabourExploitation;
import org.opennrm.casefile.IdentificationSection.MethodOfControl;
import org.opennrm.casefile.IdentificationSection.OtherExploitation;
import org.opennrm.casefile.IdentificationSection.SexExploitation;
import org.opennrm.casefile.IdentitySection.Gender;

/**
 * What statistics count about a person, taken from the identity and identification sections and coarsened on the way
 * out: a gender, an age in whole years (never the date of birth), a citizenship code, and picklist codes for the forms
 * of exploitation and the means of control. No name, date, place, document or free text ever leaves the case file
 * this way.
 *
 * @param gender the gender, {@link Gender#Unknown} when not recorded
 * @param ageInYears the age in whole years on the day asked for, {@code null} when no date of birth is recorded
 * @param citizenship ISO 3166-1 alpha-2 code, {@code null} when not recorded
 * @param methodsOfControl the means of control recorded
 * @param labourExploitation sectors of labour exploitation recorded
 * @param sexualExploitation forms of sexual exploitation recorded
 * @param otherExploitation other forms of exploitation recorded
 * @param abducted whether the person was recruited by abduction
 */
public record StatisticalFacts(Gender gender, Integer ageInYears, String citizenship,
		Set<MethodOfControl> methodsOfControl, Set<LabourExploitation> labourExploitation,
		Set<SexExploitation> sexualExploitation, Set<OtherExploitation> otherExploitation, boolean abducted) {

	/** Nothing recorded yet. */
	public static final StatisticalFacts NONE = new StatisticalFacts(Gender.Unknown, null, null, Set.of(), Set.of(),
			Set.of(), Set.of(), false);

	public StatisticalFacts {
		gender = gender == null ? Gender.Unknown : gender;
		methodsOfControl = Set.copyOf(methodsOfControl);
		labourExploitation = Set.copyOf(labourExploitation);
		sexualExploitation = Set.copyOf(sexualExploitation);
		otherExploitation = Set.copyOf(otherExploitation);
	}
}
