package org.opennrm.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.opennrm.platform.SecretFiles;
import org.opennrm.platform.SecretFiles.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals the second factor's keys with Tink's AEAD (AES-256-GCM) under the sign-in keyset, a key of its own, apart from
 * the case file's (ADR 21). The associated data binds each sealed key to its user, so a row copied to another user does
 * not open. Ciphertexts carry the id of the key that sealed them, so the keyset can rotate.
 */
final class SecretCipher {

	private static final Logger log = LoggerFactory.getLogger(SecretCipher.class);

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

	private SecretCipher(KeysetHandle keyset) {
		this.keyset = keyset;
		try {
			this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The sign-in keyset holds no usable AEAD key", ex);
		}
	}

	/**
	 * The keyset from {@code keyset} (Tink JSON, from the environment), else the file; a missing one is generated only
	 * where {@code generate} is on (demo and tests), into the file if one is named. Otherwise there is none, and the
	 * service refuses to start.
	 */
	static SecretCipher load(SignInProperties.SecondFactor settings) {
		try {
			if (settings.keyset() != null && !settings.keyset().isBlank()) {
				return fromJson(settings.keyset());
			}
			Path file = settings.keysetFile() == null || settings.keysetFile().isBlank() ? null
					: Path.of(settings.keysetFile());
			if (file != null && Files.isRegularFile(file)) {
				return fromJson(Files.readString(file, StandardCharsets.UTF_8));
			}
			if (!settings.generateKeyset()) {
				throw new IllegalStateException("No sign-in keyset: set NRM_SIGNIN_KEYSET (a Tink JSON keyset) or "
						+ "nrm.security.sign-in.second-factor.keyset-file; second factor keys are never stored unsealed");
			}
			if (file == null) {
				return fromJson(newKeysetJson());
			}
			Secret secret = SecretFiles.readOrGenerate(file, SecretCipher::newKeysetJson);
			if (secret.generated()) {
				log.warn("Generated a new sign-in keyset in {} (demo only: keep production keys out of the data folder)",
						file);
			}
			return fromJson(secret.value());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read or create the sign-in keyset", ex);
		}
	}

	private static SecretCipher fromJson(String json) {
		try {
			return new SecretCipher(TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The sign-in keyset cannot be read (expected Tink's JSON keyset format)");
		}
	}

	private static String newKeysetJson() {
		try {
			return TinkJsonProtoKeysetFormat.serializeKeyset(
					KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot generate a sign-in keyset", ex);
		}
	}

	long primaryKeyId() {
		return Integer.toUnsignedLong(this.keyset.getPrimary().getId());
	}

	byte[] seal(byte[] secret, String userId) {
		try {
			return this.aead.encrypt(secret, associatedData(userId));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot seal a second factor key", ex);
		}
	}

	byte[] open(byte[] sealed, String userId) {
		try {
			return this.aead.decrypt(sealed, associatedData(userId));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A second factor key does not open with the sign-in keyset: a key is "
					+ "missing, or the row was moved or altered");
		}
	}

	private static byte[] associatedData(String userId) {
		return ("nrm-second-factor:" + userId).getBytes(StandardCharsets.UTF_8);
	}
}
