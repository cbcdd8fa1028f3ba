package org.opennrm.casefile.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.junit.jupiter.api.Test;
import org.opennrm.casefile.Section;

/**
 * Sections are sealed so that they open only with the right key and in the row they were written to, and a keyset
 * rotated to a new primary key still opens what older keys sealed.
 */
class SectionCipherTest {

	static final byte[] PLAINTEXT = "{\"prs_FirstName\":\"Sentinel-Ana\"}".getBytes(StandardCharsets.UTF_8);

	static final byte[] HERE = JdbcCaseFile.associatedData("case-1", Section.Health);

	final String keysetJson = SectionCipher.newKeysetJson();

	final SectionCipher cipher = SectionCipher.fromJson(this.keysetJson);

	@Test
	void a_sealed_section_holds_no_plaintext_and_opens_to_what_was_sealed() {
		byte[] sealed = this.cipher.seal(PLAINTEXT, HERE);

		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Sentinel-Ana");
		assertThat(this.cipher.open(sealed, HERE)).isEqualTo(PLAINTEXT);
		assertThat(this.cipher.seal(PLAINTEXT, HERE)).as("a fresh nonce each time").isNotEqualTo(sealed);
	}

	@Test
	void a_value_moved_to_another_case_or_section_does_not_open() {
		byte[] sealed = this.cipher.seal(PLAINTEXT, HERE);

		assertThatThrownBy(() -> this.cipher.open(sealed, JdbcCaseFile.associatedData("case-2", Section.Health)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageNotContaining("Sentinel");
		assertThatThrownBy(() -> this.cipher.open(sealed, JdbcCaseFile.associatedData("case-1", Section.Identity)))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void an_altered_value_does_not_open() {
		byte[] sealed = this.cipher.seal(PLAINTEXT, HERE);
		sealed[sealed.length - 3] ^= 0x01;

		assertThatThrownBy(() -> this.cipher.open(sealed, HERE)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void another_keyset_cannot_open_it() {
		byte[] sealed = this.cipher.seal(PLAINTEXT, HERE);

		assertThatThrownBy(() -> SectionCipher.fromJson(SectionCipher.newKeysetJson()).open(sealed, HERE))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("a key is missing");
	}

	@Test
	void after_rotation_new_values_use_the_new_key_and_old_values_still_open() throws GeneralSecurityException {
		byte[] sealedBefore = this.cipher.seal(PLAINTEXT, HERE);
		long before = this.cipher.primaryKeyId();

		KeysetHandle rotated = rotate(this.keysetJson);
		SectionCipher after = new SectionCipher(rotated);

		assertThat(after.primaryKeyId()).isNotEqualTo(before);
		assertThat(after.open(sealedBefore, HERE)).isEqualTo(PLAINTEXT);
		byte[] sealedAfter = after.seal(PLAINTEXT, HERE);
		assertThatThrownBy(() -> this.cipher.open(sealedAfter, HERE))
			.as("the old keyset does not know the new key")
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void a_keyset_that_is_not_a_keyset_is_refused_without_echoing_it() {
		assertThatThrownBy(() -> SectionCipher.fromJson("{\"secret\":\"do-not-echo\"}"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("Tink's JSON keyset format")
			.hasMessageNotContaining("do-not-echo");
	}

	/** What an operator does with {@code tinkey rotate-keyset}: add a new AES-256-GCM key and make it primary. */
	static KeysetHandle rotate(String keysetJson) throws GeneralSecurityException {
		KeysetHandle current = TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get());
		KeysetHandle.Builder builder = KeysetHandle.newBuilder(current);
		builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
			.withRandomId()
			.makePrimary());
		return builder.build();
	}
}
