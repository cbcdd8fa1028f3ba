package org.opennrm.casefile;

import jakarta.validation.constraints.Size;

/**
 * Health: special-category data, for health services and the people the policy names.
 *
 * @param conditions known conditions and injuries
 * @param medicalNeeds what care is needed
 * @param medications current medication
 * @param notes anything else
 */
public record HealthSection(@Size(max = TEXT) String conditions, @Size(max = TEXT) String medicalNeeds,
		@Size(max = TEXT) String medications, @Size(max = TEXT) String notes) implements SectionContent {
}
