package org.opennrm.consent;

/** Consent for a purpose (and recipient) was withdrawn: the sharing and steps it covers stop at once. */
public record ConsentWithdrawn(ConsentDecision decision) {
}
