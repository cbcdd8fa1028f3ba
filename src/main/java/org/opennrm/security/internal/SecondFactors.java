package org.opennrm.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import org.opennrm.platform.EngineClock;
import org.opennrm.security.SecondFactorEnrolled;
import org.opennrm.security.SecondFactorRefused;
import org.opennrm.security.SecondFactorReset;
import org.opennrm.security.SecondFactorUsed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor of the built-in identity store (ADR 21): enrolment of an authenticator app (TOTP), its single-use
 * codes, single-use recovery codes, a lockout after repeated failures, and reset. Every enrolment, use, failure and
 * reset is published as an event in the same transaction as the change, so the audit trail records it or nothing
 * changed. Codes run on the wall clock, as the user's phone does, not on the engine clock.
 */
@Component
class SecondFactors {

	/** What a code did. */
	enum Outcome {
		/** Accepted: a one-time code for a step not used before, or an unused recovery code. */
		ACCEPTED,
		/** Not the user's code, or not enrolled. */
		WRONG,
		/** A code of a step already used: never accepted twice. */
		REPLAYED,
		/** Refused without looking: the second factor is locked after repeated failures. */
		LOCKED
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private final JdbcClient jdbc;

	private final SecretCipher cipher;

	private final SignInProperties.SecondFactor settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	@Autowired
	SecondFactors(JdbcClient jdbc, SignInProperties properties, ApplicationEventPublisher events) {
		this(jdbc, SecretCipher.load(properties.secondFactor()), properties.secondFactor(), events, Clock.systemUTC());
	}

	SecondFactors(JdbcClient jdbc, SecretCipher cipher, SignInProperties.SecondFactor settings,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/** Whether a member of these groups must sign in with a second factor. */
	boolean isRequiredFor(Collection<String> groupIds) {
		return groupIds.stream().anyMatch(this.settings.requiredFor()::contains);
	}

	boolean isEnrolled(String userId) {
		return this.jdbc.sql("select count(*) from nrm_second_factor where user_id = ?").param(userId)
			.query(Long.class).single() > 0;
	}

	/** The user's enrolment, if any: when, how many recovery codes are left, and until when it is locked. */
	Optional<Status> status(String userId) {
		return this.jdbc.sql("select enrolled_at, locked_until from nrm_second_factor where user_id = ?")
			.param(userId)
			.query((rs, row) -> new Status(rs.getTimestamp(1).toInstant(),
					rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(),
					this.jdbc.sql("select count(*) from nrm_recovery_code where user_id = ? and used_at is null")
						.param(userId).query(Long.class).single().intValue()))
			.optional();
	}

	/** A new key for an enrolment not yet confirmed, sealed: it may wait in the session, which is stored too. */
	PendingEnrolment newEnrolment(String userId) {
		byte[] secret = new byte[20];
		RANDOM.nextBytes(secret);
		return new PendingEnrolment(userId, this.cipher.seal(secret, userId));
	}

	/** What an authenticator app needs: the key as typed (base32) and as a QR code's URI. */
	String typedKey(PendingEnrolment pending) {
		return Totp.base32(this.cipher.open(pending.sealedSecret(), pending.userId()));
	}

	String otpauthUri(PendingEnrolment pending) {
		String label = encode(this.settings.issuer()) + ":" + encode(pending.userId());
		return "otpauth://totp/" + label + "?secret=" + typedKey(pending) + "&issuer=" + encode(this.settings.issuer())
				+ "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP.getSeconds();
	}

	/**
	 * Confirms an enrolment with a code from the app: stores the key sealed, replaces any earlier enrolment and its
	 * recovery codes, and returns the new recovery codes, shown once. Empty if the code does not match.
	 */
	@Transactional
	Optional<List<String>> confirm(PendingEnrolment pending, String code) {
		byte[] secret = this.cipher.open(pending.sealedSecret(), pending.userId());
		OptionalLong step = Totp.matchingStep(secret, normalise(code), this.clock.instant());
		if (step.isEmpty()) {
			return Optional.empty();
		}
		String userId = pending.userId();
		this.jdbc.sql("delete from nrm_recovery_code where user_id = ?").param(userId).update();
		this.jdbc.sql("delete from nrm_second_factor where user_id = ?").param(userId).update();
		this.jdbc.sql("insert into nrm_second_factor (user_id, key_id, secret, enrolled_at, last_step, failures) "
				+ "values (?, ?, ?, ?, ?, 0)")
			.params(userId, this.cipher.primaryKeyId(), this.cipher.seal(secret, userId),
					Timestamp.from(this.clock.instant()), step.getAsLong())
			.update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < this.settings.recoveryCodes(); i++) {
			String recovery = recoveryCode();
			codes.add(recovery);
			this.jdbc.sql("insert into nrm_recovery_code (user_id, digest) values (?, ?)")
				.params(userId, digest(recovery))
				.update();
		}
		this.events.publishEvent(new SecondFactorEnrolled(userId, EngineClock.now()));
		return Optional.of(List.copyOf(codes));
	}

	/**
	 * Checks a one-time code or a recovery code. Each is accepted once; a wrong or replayed one counts towards the
	 * lockout, and during a lockout nothing is accepted. Every outcome is published.
	 */
	@Transactional
	Outcome verify(String userId, String input) {
		Instant now = this.clock.instant();
		Enrolment enrolment = this.jdbc
			.sql("select key_id, secret, last_step, failures, locked_until from nrm_second_factor where user_id = ?")
			.param(userId)
			.query((rs, row) -> new Enrolment(rs.getBytes(2), rs.getLong(3), rs.getInt(4),
					rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
			.optional()
			.orElse(null);
		if (enrolment == null) {
			this.events.publishEvent(new SecondFactorRefused(userId, "wrong", EngineClock.now()));
			return Outcome.WRONG;
		}
		if (enrolment.lockedUntil() != null && now.isBefore(enrolment.lockedUntil())) {
			this.events.publishEvent(new SecondFactorRefused(userId, "locked", EngineClock.now()));
			return Outcome.LOCKED;
		}
		String code = normalise(input);
		if (code.matches("[a-z0-9]{5}-[a-z0-9]{5}")) {
			int used = this.jdbc.sql("update nrm_recovery_code set used_at = ? where user_id = ? and digest = ? "
					+ "and used_at is null")
				.params(Timestamp.from(now), userId, digest(code))
				.update();
			if (used == 1) {
				return accepted(userId, "recovery code");
			}
			return failed(userId, "wrong", now);
		}
		OptionalLong step = Totp.matchingStep(this.cipher.open(enrolment.sealedSecret(), userId), code, now);
		if (step.isEmpty()) {
			return failed(userId, "wrong", now);
		}
		// Compare and set: of two requests with the same code, one wins; a step at or before the last one used is a
		// replay.
		int advanced = this.jdbc.sql("update nrm_second_factor set last_step = ?, failures = 0, locked_until = null "
				+ "where user_id = ? and last_step < ?")
			.params(step.getAsLong(), userId, step.getAsLong())
			.update();
		if (advanced == 0) {
			return failed(userId, "replayed", now) == Outcome.LOCKED ? Outcome.LOCKED : Outcome.REPLAYED;
		}
		return accepted(userId, "one-time code");
	}

	private Outcome accepted(String userId, String kind) {
		this.jdbc.sql("update nrm_second_factor set failures = 0, locked_until = null where user_id = ?")
			.param(userId).update();
		this.events.publishEvent(new SecondFactorUsed(userId, kind, EngineClock.now()));
		return Outcome.ACCEPTED;
	}

	private Outcome failed(String userId, String reason, Instant now) {
		this.jdbc.sql("update nrm_second_factor set failures = failures + 1 where user_id = ?").param(userId).update();
		int failures = this.jdbc.sql("select failures from nrm_second_factor where user_id = ?").param(userId)
			.query(Integer.class).single();
		this.events.publishEvent(new SecondFactorRefused(userId, reason, EngineClock.now()));
		if (failures >= this.settings.maxFailures()) {
			this.jdbc.sql("update nrm_second_factor set failures = 0, locked_until = ? where user_id = ?")
				.params(Timestamp.from(now.plus(this.settings.lockout())), userId)
				.update();
			this.events.publishEvent(new SecondFactorRefused(userId, "lockout", EngineClock.now()));
			return Outcome.LOCKED;
		}
		return "replayed".equals(reason) ? Outcome.REPLAYED : Outcome.WRONG;
	}

	/** Removes the user's second factor and recovery codes; true if there was one. */
	@Transactional
	boolean reset(String userId, String by, String reason) {
		this.jdbc.sql("delete from nrm_recovery_code where user_id = ?").param(userId).update();
		int removed = this.jdbc.sql("delete from nrm_second_factor where user_id = ?").param(userId).update();
		if (removed > 0) {
			this.events.publishEvent(new SecondFactorReset(userId, by, reason, EngineClock.now()));
		}
		return removed > 0;
	}

	private static String normalise(String code) {
		return code == null ? "" : code.strip().replace(" ", "").toLowerCase(Locale.ROOT);
	}

	private static String recoveryCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			if (i == 5) {
				code.append('-');
			}
			code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
		}
		return code.toString();
	}

	static String digest(String recoveryCode) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(recoveryCode.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** An enrolment started and not yet confirmed; the key sealed to its user. */
	record PendingEnrolment(String userId, byte[] sealedSecret) implements java.io.Serializable {
	}

	/** A user's enrolment as the account page shows it. */
	record Status(Instant enrolledAt, Instant lockedUntil, int recoveryCodesLeft) {
	}

	private record Enrolment(byte[] sealedSecret, long lastStep, int failures, Instant lockedUntil) {
	}
}
