package org.opennrm.security;

import java.time.Instant;

/**
 * A user enrolled a second factor (an authenticator app) and received new recovery codes. Never carries the key.
 *
 * @param userId who
 * @param at when
 */
public record SecondFactorEnrolled(String userId, Instant at) {
}
