package org.opennrm.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The one-time codes are RFC 6238's (its SHA-1 test vectors, six digits) and match only within one step. */
class TotpTest {

	private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@Test
	void codes_are_those_of_rfc_6238() {
		assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
		assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
		assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
	}

	@Test
	void a_code_matches_its_step_and_the_steps_beside_it_only() {
		Instant now = Instant.ofEpochSecond(1111111109);
		long step = Totp.step(now);

		assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 1), now)).hasValue(step - 1);
		assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 1), now)).hasValue(step + 1);
		assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 2), now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_KEY, "12345", now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_KEY, null, now)).isEmpty();
	}

	@Test
	void keys_are_typed_in_base32_without_padding() {
		assertThat(Totp.base32(RFC_KEY)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		assertThat(Totp.base32(new byte[] { (byte) 0xff })).isEqualTo("74");
	}
}
