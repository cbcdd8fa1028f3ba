package org.opennrm.casefile.internal;

import java.security.GeneralSecurityException;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * Seals and opens case file sections with Tink's AEAD (AES-256-GCM). The associated data binds each ciphertext to its
 * case and section, so a sealed value copied to another row does not open. Ciphertexts carry the id of the key that
 * sealed them: a keyset with a new primary key seals new values with it and still opens old ones.
 */
final class SectionCipher {

	static {
		try {
			AeadConfig.register();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Tink AEAD is not available", ex);
		}
	}

	private final KeysetHandle keyset;

	private final Aead aead;

	SectionCipher(KeysetHandle keyset) {
		this.keyset = keyset;
		try {
			this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The case file keyset holds no usable AEAD key", ex);
		}
	}

	/** A keyset in Tink's JSON format (as {@code tinkey} writes it). */
	static SectionCipher fromJson(String keysetJson) {
		try {
			return new SectionCipher(TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The case file keyset cannot be read (expected Tink's JSON keyset format)");
		}
	}

	/** A new keyset with one AES-256-GCM key, in Tink's JSON format. */
	static String newKeysetJson() {
		try {
			return TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
					InsecureSecretKeyAccess.get());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot generate a case file key", ex);
		}
	}

	/** The id of the key new values are sealed with. */
	long primaryKeyId() {
		return Integer.toUnsignedLong(this.keyset.getPrimary().getId());
	}

	byte[] seal(byte[] plaintext, byte[] associatedData) {
		try {
			return this.aead.encrypt(plaintext, associatedData);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot seal a case file section", ex);
		}
	}

	byte[] open(byte[] ciphertext, byte[] associatedData) {
		try {
			return this.aead.decrypt(ciphertext, associatedData);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A case file section does not open with the configured keyset: "
					+ "a key is missing, or the value was moved or altered");
		}
	}
}
