/**
 * The service hand-off: one service of a case offered to a provider chosen by a routing table (or preset), accepted
 * or declined with a reason within the response clock; a decline moves on to the next provider, and when none is
 * left the referring agency chooses another or withdraws. Accepted services end with their outcome (psycho-social
 * support runs as its own process). Called once per service by case processes. The registry of hand-offs
 * ({@link org.opennrm.handoff.Handoffs}, {@code GET /api/cases/{reference}/handoffs}) shows the referring agency where
 * each one stands.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service hand-off")
package org.opennrm.handoff;
