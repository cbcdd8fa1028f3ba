package org.opennrm.casefile;

import jakarta.validation.constraints.Size;

/**
 * Legal status, representation and proceedings.
 *
 * @param residenceStatus the person's residence status (permit, application, none)
 * @param legalRepresentative who represents the person
 * @param proceedings criminal, civil or administrative proceedings the person takes part in
 * @param compensationClaim whether a compensation claim is made
 * @param notes anything else
 */
public record LegalSection(@Size(max = NAME) String residenceStatus, @Size(max = NAME) String legalRepresentative,
		@Size(max = TEXT) String proceedings, Boolean compensationClaim, @Size(max = TEXT) String notes)
		implements SectionContent {
}
