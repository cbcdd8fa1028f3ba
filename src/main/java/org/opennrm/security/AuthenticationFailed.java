package org.opennrm.security;

import java.time.Instant;

/**
 * Someone failed to authenticate. Published for the audit trail; never carries the password.
 *
 * @param attemptedUserId the user id as typed, made safe for a log line ({@link #loggable})
 * @param channel where: {@code api}, or the webapp ({@code tasklist}, {@code cockpit}, {@code admin})
 * @param at when
 */
public record AuthenticationFailed(String attemptedUserId, String channel, Instant at) {

	/**
	 * A user id as typed, safe for a log line or an audit entry: characters outside a user id's alphabet (line breaks
	 * that would forge a log entry, markup) become {@code ?}, and it is cut to the longest user id.
	 */
	public static String loggable(String userId) {
		if (userId == null) {
			return "?";
		}
		String cut = userId.length() > 64 ? userId.substring(0, 63) + "…" : userId;
		return cut.replaceAll("[^A-Za-z0-9._@…-]", "?");
	}
}
