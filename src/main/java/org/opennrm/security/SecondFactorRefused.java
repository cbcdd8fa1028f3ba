package org.opennrm.security;

import java.time.Instant;

/**
 * A second factor was refused. Never carries the code tried.
 *
 * @param userId who tried
 * @param reason {@code wrong}, {@code replayed}, {@code locked} (refused during a lockout) or {@code lockout} (this
 *        failure started one)
 * @param at when
 */
public record SecondFactorRefused(String userId, String reason, Instant at) {
}
