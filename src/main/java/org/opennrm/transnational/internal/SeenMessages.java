package org.opennrm.transnational.internal;

import java.time.Instant;

import org.opennrm.platform.EngineClock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import static org.opennrm.transnational.internal.ReferralSteps.utc;

/**
 * The ids of messages taken from each peer, kept until they expire: a message arriving a second time is a replay and
 * refused. (A peer that sends the same referral again sends a new message with a new id: that is not a replay, and the
 * referral's own id makes it one referral.) A message is remembered in the transaction that takes it, so a message
 * whose handling failed can come again.
 */
@Repository
class SeenMessages {

	private final JdbcClient jdbc;

	SeenMessages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @throws Refusal 409 when this message was taken before */
	@Transactional
	void remember(String issuer, String jti, Instant expiresAt) {
		boolean seen = this.jdbc.sql("select count(*) from nrm_transnational_seen_message where issuer = :issuer and jti = :jti")
			.param("issuer", issuer)
			.param("jti", jti)
			.query(Long.class)
			.single() > 0;
		if (seen) {
			throw replayed(issuer);
		}
		try {
			this.jdbc.sql("insert into nrm_transnational_seen_message (issuer, jti, expires_at) values (:issuer, :jti, :expires)")
				.param("issuer", issuer)
				.param("jti", jti)
				.param("expires", utc(expiresAt))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw replayed(issuer);
		}
	}

	/** Expired ids are refused as expired anyway; they need not be kept. */
	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
	@Transactional
	public void forgetExpired() {
		this.jdbc.sql("delete from nrm_transnational_seen_message where expires_at < :cutoff")
			.param("cutoff", utc(EngineClock.now().minusSeconds(3600)))
			.update();
	}

	private static Refusal replayed(String issuer) {
		return new Refusal(HttpStatus.CONFLICT, "replayed", "This message was received before: a replay is refused.",
				issuer);
	}
}
