package org.opennrm.transnational.internal;

import java.text.ParseException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

/**
 * This instance's own keys: a JWK set of P-256 private keys, each with a key id and a use. The first signing key signs
 * every message; every encryption key opens what peers sealed to it, so a key that is no longer published keeps
 * opening packages sealed before the rotation. Peers are given the public half ({@link #publicKeys()}).
 */
final class InstanceKeys {

	private final ECKey signingKey;

	private final Map<String, ECKey> decryptionKeys;

	private final JWKSet publicKeys;

	private InstanceKeys(ECKey signingKey, Map<String, ECKey> decryptionKeys, JWKSet publicKeys) {
		this.signingKey = signingKey;
		this.decryptionKeys = Map.copyOf(decryptionKeys);
		this.publicKeys = publicKeys;
	}

	/**
	 * Reads a private JWK set, checked: only P-256 EC private keys, each with a unique key id and the use {@code sig}
	 * or {@code enc}; at least one of each. The first {@code sig} key is the one that signs; list the new key first to
	 * rotate, and keep the old one until every peer has the new public key.
	 * @throws IllegalStateException with what is wrong (never the key material)
	 */
	static InstanceKeys parse(String json) {
		JWKSet set;
		try {
			set = JWKSet.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("The transnational keys are not a JWK set (JSON with a \"keys\" array)");
		}
		List<String> problems = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		ECKey signing = null;
		Map<String, ECKey> decryption = new LinkedHashMap<>();
		for (JWK key : set.getKeys()) {
			String id = key.getKeyID();
			if (id == null || id.isBlank() || !id.matches("[A-Za-z0-9._-]{1,100}")) {
				problems.add("every key needs a key id (kid) of letters, digits, '.', '_' or '-'");
				continue;
			}
			if (!ids.add(id)) {
				problems.add("key id " + id + " appears twice");
			}
			if (!(key instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve())) {
				problems.add("key " + id + " is not an EC key on P-256");
				continue;
			}
			if (!ec.isPrivate()) {
				problems.add("key " + id + " has no private part");
				continue;
			}
			if (KeyUse.SIGNATURE.equals(ec.getKeyUse())) {
				signing = signing == null ? ec : signing;
			}
			else if (KeyUse.ENCRYPTION.equals(ec.getKeyUse())) {
				decryption.put(id, ec);
			}
			else {
				problems.add("key " + id + " needs \"use\": \"sig\" or \"enc\"");
			}
		}
		if (signing == null) {
			problems.add("no signing key (\"use\": \"sig\")");
		}
		if (decryption.isEmpty()) {
			problems.add("no encryption key (\"use\": \"enc\")");
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("The transnational keys are not usable: " + String.join("; ", problems));
		}
		return new InstanceKeys(signing, decryption, set.toPublicJWKSet());
	}

	/** A new key set for a country: one signing and one encryption key, with dated key ids. */
	static String generate(String country) {
		String stamp = country.toLowerCase(Locale.ROOT) + "-%s-" + LocalDate.now() + "-"
				+ UUID.randomUUID().toString().substring(0, 8);
		try {
			ECKey signing = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyID(stamp.formatted("sig"))
				.generate();
			ECKey encryption = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.ENCRYPTION).keyID(stamp.formatted("enc"))
				.generate();
			return new JWKSet(List.of(signing, encryption)).toString(false);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate keys", ex);
		}
	}

	ECKey signingKey() {
		return this.signingKey;
	}

	Optional<ECKey> decryptionKey(String keyId) {
		return Optional.ofNullable(keyId == null ? null : this.decryptionKeys.get(keyId));
	}

	/** What peers need: the public half of every key, with its id and use. */
	JWKSet publicKeys() {
		return this.publicKeys;
	}
}
