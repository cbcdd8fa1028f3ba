package org.opennrm.child;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import org.opennrm.security.Agency;

/**
 * The guardian's consent on the child's behalf. The child's own consent is not needed to refer or protect; their
 * views are heard (what they said goes to the case file).
 *
 * @param consentToServices consent to the services offered to the child
 * @param consentToShareWithAgencies the agencies the case may be shared with (none when empty or missing)
 * @param childViewsHeard whether the child's views were heard
 */
public record RecordGuardianConsent(@NotNull Boolean consentToServices,
		List<@NotNull @Agency String> consentToShareWithAgencies, @NotNull Boolean childViewsHeard) {
}
