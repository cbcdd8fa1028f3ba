package org.opennrm.security;

import java.time.Instant;

/**
 * A user's sessions were ended before they timed out.
 *
 * @param userId whose
 * @param count how many
 * @param reason {@code signed out everywhere}, {@code groups changed}, {@code user removed}, {@code second factor
 *        reset}, {@code provider refused} or {@code absolute time-out}
 * @param by who ended them ({@code system} when the service did)
 * @param at when
 */
public record SessionsEnded(String userId, int count, String reason, String by, Instant at) {
}
