package org.opennrm.transnational;

import java.time.Instant;

/**
 * One step of a transnational referral as its instance recorded it.
 *
 * @param step a {@link ReferralStatus} name, or another step ({@code ConsentGiven}, {@code DeliveryFailed},
 * {@code SharingStopped}, {@code DecisionDelivered}, {@code SendingCaseClosed})
 * @param actor who took it: a user id, {@code system}, or the peer's country code
 * @param detail a code or short non-personal fact (a reason code, the HTTP status of a failed attempt)
 * @param at when
 */
public record ReferralStep(String step, String actor, String detail, Instant at) {
}
