package org.opennrm.returns;

import jakarta.validation.constraints.NotNull;
import org.opennrm.consent.ConsentDecision.GivenBy;

/**
 * Consent to a voluntary return. A child's consent is given by the guardian (checked against the process).
 *
 * @param returnConsented whether the return is consented to
 * @param consentGivenBy the person, or the guardian for a child
 */
public record RecordReturnConsent(@NotNull Boolean returnConsented, @NotNull GivenBy consentGivenBy) {
}
