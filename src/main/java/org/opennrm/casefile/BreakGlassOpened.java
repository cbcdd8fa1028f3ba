package org.opennrm.casefile;

import java.time.Instant;

/** A supervisor opened a case file beyond the usual scope, for a stated reason, until {@code expiresAt}. */
public record BreakGlassOpened(String caseId, String reference, String userId, String reason, Instant at,
		Instant expiresAt) {
}
