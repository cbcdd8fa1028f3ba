package org.opennrm.security.internal;

import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps make them: HMAC-SHA1, six digits, 30-second steps.
 * A code is accepted for the current step or one step either side (clocks drift); which step it matched is returned,
 * so that the caller can refuse a step used before (single use).
 */
final class Totp {

	static final Duration STEP = Duration.ofSeconds(30);

	static final int DIGITS = 6;

	private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP,
			DIGITS, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

	private Totp() {
	}

	static long step(Instant at) {
		return at.getEpochSecond() / STEP.getSeconds();
	}

	static String code(byte[] secret, long step) {
		try {
			return GENERATOR.generateOneTimePasswordString(key(secret), Instant.ofEpochSecond(step * STEP.getSeconds()),
					java.util.Locale.ROOT);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException("Not a usable TOTP key", ex);
		}
	}

	/** The step within one of {@code at} whose code this is, if any. */
	static OptionalLong matchingStep(byte[] secret, String code, Instant at) {
		if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		long now = step(at);
		for (long step = now - 1; step <= now + 1; step++) {
			if (java.security.MessageDigest.isEqual(code(secret, step).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
					code.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	private static SecretKeySpec key(byte[] secret) {
		return new SecretKeySpec(secret, "HmacSHA1");
	}

	/** RFC 4648 base32 without padding, as authenticator apps take a key typed in. */
	static String base32(byte[] bytes) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		StringBuilder out = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
		}
		return out.toString();
	}
}
