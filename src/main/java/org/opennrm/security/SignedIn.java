package org.opennrm.security;

import java.time.Instant;

/**
 * Someone signed in to the pages and webapps. Published for the audit trail.
 *
 * @param userId who
 * @param method how: {@code password}, {@code password and second factor}, or {@code provider}
 * @param at when
 */
public record SignedIn(String userId, String method, Instant at) {
}
