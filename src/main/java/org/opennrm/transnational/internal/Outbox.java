package org.opennrm.transnational.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.opennrm.platform.EngineClock;
import org.opennrm.transnational.DeliveryState;
import org.opennrm.transnational.internal.PeerMessages.Type;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import static org.opennrm.transnational.internal.ReferralSteps.instant;
import static org.opennrm.transnational.internal.ReferralSteps.utc;

/**
 * The outbox ({@code nrm_transnational_outbox}, ADR 26): a message to a peer is written in the transaction that
 * decides to send it, so it is sent if and only if that decision commits. {@link Delivery} takes it from here: a lease
 * per attempt (a conditional update, so two nodes never send the same attempt), a signed receipt to finish, growing
 * waits in between.
 */
@Repository
@Transactional
class Outbox {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final TypeReference<Map<String, Object>> CLAIMS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	Outbox(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** A message waiting in the outbox was written; it can go once its transaction commits. */
	record Queued(String id) {
	}

	/** A message taken for one attempt. */
	record Leased(String id, String peerCountry, Type type, String referralId, Map<String, Object> body, int attempts) {
	}

	/** Queues a message; it is due at once. */
	String enqueue(String peerCountry, Type type, String referralId, Map<String, Object> body) {
		String id = UUID.randomUUID().toString();
		Instant now = EngineClock.now();
		byte[] json;
		try {
			json = JSON.writeValueAsBytes(body);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot write a message", ex);
		}
		this.jdbc.sql("""
				insert into nrm_transnational_outbox (id, peer_country, message_type, referral_id, body, created_at,
				                                      attempts, next_attempt_at)
				values (:id, :peer, :type, :referralId, :body, :now, 0, :now)""")
			.param("id", id)
			.param("peer", peerCountry)
			.param("type", type.name())
			.param("referralId", referralId)
			.param("body", json)
			.param("now", utc(now))
			.update();
		this.events.publishEvent(new Queued(id));
		return id;
	}

	/** The messages due now, oldest first. */
	@Transactional(readOnly = true)
	List<String> due(Instant now, int limit) {
		return this.jdbc.sql("""
				select id from nrm_transnational_outbox
				 where delivered_at is null and cancelled_at is null and next_attempt_at <= :now
				 order by next_attempt_at, id fetch first %d rows only""".formatted(limit))
			.param("now", utc(now))
			.query(String.class)
			.list();
	}

	/**
	 * Takes a due message for one attempt: its next attempt moves to {@code until}, so that if this node stops mid-way
	 * the message is tried again then, and no other node takes it meanwhile.
	 */
	Optional<Leased> lease(String id, Instant now, Instant until) {
		int taken = this.jdbc.sql("""
				update nrm_transnational_outbox
				   set next_attempt_at = :until, attempts = attempts + 1, last_attempt_at = :now
				 where id = :id and delivered_at is null and cancelled_at is null and next_attempt_at <= :now""")
			.param("until", utc(until))
			.param("now", utc(now))
			.param("id", id)
			.update();
		if (taken == 0) {
			return Optional.empty();
		}
		return this.jdbc.sql("select id, peer_country, message_type, referral_id, body, attempts "
				+ "from nrm_transnational_outbox where id = :id")
			.param("id", id)
			.query((rs, n) -> new Leased(rs.getString("id"), rs.getString("peer_country"),
					Type.valueOf(rs.getString("message_type")), rs.getString("referral_id"), claims(rs.getBytes("body")),
					rs.getInt("attempts")))
			.optional();
	}

	/** Delivered: the peer's signed receipt is kept as the proof. */
	boolean delivered(String id, String receipt) {
		return this.jdbc.sql("""
				update nrm_transnational_outbox set delivered_at = :now, receipt = :receipt, last_error = null
				 where id = :id and delivered_at is null and cancelled_at is null""")
			.param("now", utc(EngineClock.now()))
			.param("receipt", receipt.getBytes(StandardCharsets.US_ASCII))
			.param("id", id)
			.update() == 1;
	}

	/**
	 * The peer answered the referral, so it holds it even if its receipt was lost: the pending message is delivered,
	 * the answer (a message signed by the peer) kept as the proof.
	 */
	void deliveredByAnswer(String referralId, Type type, String answer) {
		this.jdbc.sql("""
				update nrm_transnational_outbox set delivered_at = :now, receipt = :proof, last_error = null
				 where referral_id = :referralId and message_type = :type and delivered_at is null and cancelled_at is null""")
			.param("now", utc(EngineClock.now()))
			.param("proof", answer.getBytes(StandardCharsets.US_ASCII))
			.param("referralId", referralId)
			.param("type", type.name())
			.update();
	}

	void failed(String id, String error, Instant nextAttemptAt) {
		this.jdbc.sql("""
				update nrm_transnational_outbox set last_error = :error, next_attempt_at = :next
				 where id = :id and delivered_at is null and cancelled_at is null""")
			.param("error", error.length() > 200 ? error.substring(0, 200) : error)
			.param("next", utc(nextAttemptAt))
			.param("id", id)
			.update();
	}

	/** Stops the messages of this type about this referral that have not been delivered: they will never go. */
	int cancel(String referralId, Type type) {
		return this.jdbc.sql("""
				update nrm_transnational_outbox set cancelled_at = :now
				 where referral_id = :referralId and message_type = :type and delivered_at is null and cancelled_at is null""")
			.param("now", utc(EngineClock.now()))
			.param("referralId", referralId)
			.param("type", type.name())
			.update();
	}

	/** How the delivery of the latest message of this type about this referral goes. */
	@Transactional(readOnly = true)
	Optional<DeliveryState> state(String referralId, Type type) {
		return this.jdbc.sql("""
				select attempts, last_attempt_at, next_attempt_at, last_error, delivered_at, cancelled_at
				  from nrm_transnational_outbox where referral_id = :referralId and message_type = :type
				 order by created_at desc, id fetch first 1 rows only""")
			.param("referralId", referralId)
			.param("type", type.name())
			.query((rs, n) -> {
				boolean pending = rs.getObject("delivered_at") == null && rs.getObject("cancelled_at") == null;
				return new DeliveryState(rs.getInt("attempts"), instant(rs, "last_attempt_at"),
						pending ? instant(rs, "next_attempt_at") : null, rs.getString("last_error"),
						instant(rs, "delivered_at"));
			})
			.optional();
	}

	int erase(List<String> referralIds) {
		if (referralIds.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("delete from nrm_transnational_outbox where referral_id in (:ids)")
			.param("ids", referralIds)
			.update();
	}

	private static Map<String, Object> claims(byte[] json) {
		try {
			return JSON.readValue(json, CLAIMS);
		}
		catch (IOException ex) {
			throw new IllegalStateException("A queued message cannot be read", ex);
		}
	}
}
