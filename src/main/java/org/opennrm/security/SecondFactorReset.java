package org.opennrm.security;

import java.time.Instant;

/**
 * A user's second factor was removed: they enrol again at their next sign-in, where their role needs one.
 *
 * @param userId whose
 * @param by who reset it (the user themselves, or an administrator)
 * @param reason the stated reason (an administrator's), or {@code null}
 * @param at when
 */
public record SecondFactorReset(String userId, String by, String reason, Instant at) {
}
