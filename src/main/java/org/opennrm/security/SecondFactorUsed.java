package org.opennrm.security;

import java.time.Instant;

/**
 * A second factor was accepted at sign-in (or to confirm a change to the second factor itself).
 *
 * @param userId who
 * @param kind {@code one-time code} or {@code recovery code}
 * @param at when
 */
public record SecondFactorUsed(String userId, String kind, Instant at) {
}
