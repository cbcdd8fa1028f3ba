package org.opennrm.casefile.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every break-glass, kept for good ({@code nrm_break_glass}); the latest one of a user on a case is the one in force. */
@Component
class BreakGlassLedger {

	private final JdbcClient jdbc;

	BreakGlassLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void open(String caseId, String userId, String reason, Instant at, Instant expiresAt) {
		this.jdbc.sql("insert into nrm_break_glass (case_id, user_id, reason, opened_at, expires_at) "
				+ "values (:caseId, :userId, :reason, :at, :expiresAt)")
			.param("caseId", caseId).param("userId", userId).param("reason", reason)
			.param("at", at.atOffset(ZoneOffset.UTC)).param("expiresAt", expiresAt.atOffset(ZoneOffset.UTC))
			.update();
	}

	/** Until when the user's latest break-glass on the case runs, if they ever broke it. */
	Optional<Instant> openUntil(String caseId, String userId) {
		return this.jdbc.sql("select max(expires_at) from nrm_break_glass where case_id = :caseId and user_id = :userId")
			.param("caseId", caseId).param("userId", userId)
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant);
	}
}
