/**
 * The consent ledger: per purpose and recipient, given or withdrawn, when, by whom, and on whose behalf (the person,
 * or a child's guardian). Withdrawal stops the sharing and steps it covers, never the person's own services, and
 * cooperation with police is never a condition for assistance.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consent")
package org.opennrm.consent;
