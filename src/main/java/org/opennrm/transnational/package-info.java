/**
 * Transnational referral between national instances of this service (one per country, each under its own law): a
 * caseworker proposes to refer a person to another country's referral mechanism with chosen fields of the case file,
 * the person (or a child's guardian) consents to sending exactly that to exactly that country, the national
 * coordinator approves, and the package travels encrypted to the receiving instance and signed by this one, through
 * an outbox written in the approving transaction. The receiving coordinator accepts (a case opens there under its own
 * law) or declines with a reason; the answer travels back signed. Peers, keys and message formats: ADR 25; delivery:
 * ADR 26; what travels: ADR 27.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Transnational referral")
package org.opennrm.transnational;
