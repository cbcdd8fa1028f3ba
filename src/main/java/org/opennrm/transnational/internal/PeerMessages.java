package org.opennrm.transnational.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.opennrm.platform.EngineClock;
import org.opennrm.transnational.internal.Peers.Peer;
import org.springframework.http.HttpStatus;

/**
 * The messages between instances (ADR 25), with Nimbus JOSE+JWT:
 * <ul>
 * <li>every message is a compact JWS (ES256, {@code typ: nrm-message+jwt}, {@code kid} of the sender's signing key)
 * over claims naming the sender ({@code iss}), the receiver ({@code aud}), when it was signed and until when it is
 * valid ({@code iat}, {@code exp}, minutes apart), a fresh id ({@code jti}), its {@code type} and the referral it is
 * about ({@code ref});</li>
 * <li>a referral's package is a JWE (ECDH-ES+A256KW, A256GCM) sealed to the receiver's encryption key ({@code kid}),
 * its protected header naming the referral and the sender; the message carries it and its SHA-256 ({@code hash}),
 * which both audit trails record;</li>
 * <li>the receiver answers an accepted message with a receipt: a message of type {@code receipt} naming the message
 * it acknowledges ({@code inReplyTo}).</li>
 * </ul>
 * Nothing personal is in the claims: names, narratives and health travel only inside the JWE.
 */
final class PeerMessages {

	static final JOSEObjectType TYPE = new JOSEObjectType("nrm-message+jwt");

	/** The media type of a compact JWS. */
	static final String MEDIA_TYPE = "application/jose";

	static final String TYPE_CLAIM = "type";

	static final String REFERRAL_CLAIM = "ref";

	static final String HASH_CLAIM = "hash";

	static final String PACKAGE_CLAIM = "pkg";

	static final String IN_REPLY_TO_CLAIM = "inReplyTo";

	private static final Pattern JTI = Pattern.compile("[A-Za-z0-9-]{8,64}");

	private static final Pattern UUID_FORM = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

	/** What a message is. */
	enum Type {
		referral, decision, withdrawal, receipt
	}

	private final InstanceKeys keys;

	private final Peers peers;

	private final String ownCountry;

	private final Duration lifetime;

	private final Duration skew;

	PeerMessages(InstanceKeys keys, Peers peers, String ownCountry, Duration lifetime, Duration skew) {
		this.keys = keys;
		this.peers = peers;
		this.ownCountry = ownCountry;
		this.lifetime = lifetime;
		this.skew = skew;
	}

	String ownCountry() {
		return this.ownCountry;
	}

	/** A package sealed for one peer, and its hash. */
	record Sealed(String jwe, String hash) {
	}

	/** Seals a package to the peer's current encryption key. */
	Sealed seal(Peer peer, String referralId, byte[] plaintext) {
		ECKey key = peer.encryptionKey()
			.orElseThrow(() -> new IllegalStateException("Peer " + peer.country() + " has no encryption key"));
		JWEHeader header = new JWEHeader.Builder(JWEAlgorithm.ECDH_ES_A256KW, EncryptionMethod.A256GCM)
			.keyID(key.getKeyID())
			.customParam(REFERRAL_CLAIM, referralId)
			.customParam("from", this.ownCountry)
			.build();
		JWEObject jwe = new JWEObject(header, new Payload(plaintext));
		try {
			jwe.encrypt(new ECDHEncrypter(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot seal a package for " + peer.country(), ex);
		}
		String compact = jwe.serialize();
		return new Sealed(compact, sha256(compact));
	}

	/**
	 * Opens a package sealed to one of this instance's keys for this referral by this sender.
	 * @throws Refusal 400 when it is not one, or does not open (altered, or sealed to another instance)
	 */
	byte[] open(String compact, String referralId, String from) {
		JWEObject jwe;
		try {
			jwe = JWEObject.parse(compact);
		}
		catch (ParseException ex) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "malformed-package", "The package is not a JWE.", from);
		}
		JWEHeader header = jwe.getHeader();
		if (!JWEAlgorithm.ECDH_ES_A256KW.equals(header.getAlgorithm())
				|| !EncryptionMethod.A256GCM.equals(header.getEncryptionMethod())
				|| !referralId.equals(header.getCustomParam(REFERRAL_CLAIM)) || !from.equals(header.getCustomParam("from"))) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "malformed-package",
					"The package is not sealed with ECDH-ES+A256KW and A256GCM for this referral and sender.", from);
		}
		ECKey key = this.keys.decryptionKey(header.getKeyID())
			.orElseThrow(() -> new Refusal(HttpStatus.BAD_REQUEST, "unknown-encryption-key",
					"The package is sealed to a key this instance does not hold.", from));
		try {
			jwe.decrypt(new ECDHDecrypter(key));
		}
		catch (JOSEException ex) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "undecryptable-package", "The package does not open.", from);
		}
		return jwe.getPayload().toBytes();
	}

	/** A signed message, with the id and expiry it was given. */
	record Signed(String compact, String jti, Instant expiresAt) {
	}

	/** Signs a message to a peer: a fresh id and validity each time, so every attempt is a new message. */
	Signed sign(String peerCountry, Map<String, Object> body) {
		Instant now = EngineClock.now();
		Instant expires = now.plus(this.lifetime);
		String jti = UUID.randomUUID().toString();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(this.ownCountry)
			.audience(peerCountry)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(expires))
			.jwtID(jti);
		body.forEach(claims::claim);
		ECKey key = this.keys.signingKey();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(TYPE).build(),
				claims.build());
		try {
			jwt.sign(new ECDSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign a message", ex);
		}
		return new Signed(jwt.serialize(), jti, expires);
	}

	/**
	 * A message whose signature and claims were checked.
	 *
	 * @param issuer the peer that signed it
	 * @param jti its id
	 * @param type what it is
	 * @param referralId the referral it is about
	 * @param expiresAt until when it is valid
	 * @param claims all its claims
	 */
	record Verified(String issuer, String jti, Type type, String referralId, Instant expiresAt, JWTClaimsSet claims) {

		String string(String claim) {
			try {
				return this.claims.getStringClaim(claim);
			}
			catch (ParseException ex) {
				throw new Refusal(HttpStatus.BAD_REQUEST, "malformed", "The claim " + claim + " is not a string.",
						this.issuer);
			}
		}

		/** A string claim that must be there and match the pattern. */
		String required(String claim, Pattern pattern) {
			String value = string(claim);
			if (value == null || !pattern.matcher(value).matches()) {
				throw new Refusal(HttpStatus.BAD_REQUEST, "malformed", "The claim " + claim + " is missing or not valid.",
						this.issuer);
			}
			return value;
		}

		Boolean flag(String claim) {
			try {
				return this.claims.getBooleanClaim(claim);
			}
			catch (ParseException ex) {
				throw new Refusal(HttpStatus.BAD_REQUEST, "malformed", "The claim " + claim + " is not true or false.",
						this.issuer);
			}
		}
	}

	/**
	 * Checks a message as it arrives, in this order: readable, from a known peer, signed by one of that peer's signing
	 * keys, addressed to this instance, within its validity, complete.
	 * @throws Refusal naming the first check that failed
	 */
	Verified verify(String compact) {
		SignedJWT jwt;
		JWTClaimsSet claims;
		try {
			jwt = SignedJWT.parse(compact);
			claims = jwt.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw Refusal.malformed("The body is not a signed message (compact JWS).");
		}
		String issuer = claims.getIssuer();
		if (issuer == null || !COUNTRY.matcher(issuer).matches()) {
			throw Refusal.malformed("The message does not name its sender (iss).");
		}
		if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm()) || !TYPE.equals(jwt.getHeader().getType())) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "malformed", "Messages are signed with ES256 and typed "
					+ TYPE + ".", issuer);
		}
		Peer peer = this.peers.find(issuer)
			.orElseThrow(() -> new Refusal(HttpStatus.FORBIDDEN, "unknown-peer",
					"This instance takes no messages from " + issuer + ": it is not in its peers file.", issuer));
		ECKey key = peer.key(jwt.getHeader().getKeyID(), KeyUse.SIGNATURE)
			.orElseThrow(() -> new Refusal(HttpStatus.UNAUTHORIZED, "unknown-key",
					"The message is signed with a key this instance does not know for " + issuer + ".", issuer));
		boolean valid;
		try {
			valid = jwt.verify(new ECDSAVerifier(key));
		}
		catch (JOSEException ex) {
			valid = false;
		}
		if (!valid) {
			throw new Refusal(HttpStatus.UNAUTHORIZED, "bad-signature",
					"The message's signature does not verify against " + issuer + "'s key: it was altered or forged.",
					issuer);
		}
		if (!List.of(this.ownCountry).equals(claims.getAudience())) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "misaddressed", "The message is not addressed to "
					+ this.ownCountry + ".", issuer);
		}
		Instant now = EngineClock.now();
		Date issued = claims.getIssueTime();
		Date expires = claims.getExpirationTime();
		if (issued == null || expires == null) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "malformed", "The message has no iat or exp.", issuer);
		}
		if (expires.toInstant().plus(this.skew).isBefore(now)) {
			throw new Refusal(HttpStatus.UNAUTHORIZED, "expired", "The message expired at " + expires.toInstant() + ".",
					issuer);
		}
		if (issued.toInstant().minus(this.skew).isAfter(now)
				|| Duration.between(issued.toInstant(), expires.toInstant()).compareTo(this.lifetime.plus(this.skew)) > 0) {
			throw new Refusal(HttpStatus.UNAUTHORIZED, "not-valid-now",
					"The message's validity (iat, exp) is in the future or longer than " + this.lifetime + ".", issuer);
		}
		String jti = claims.getJWTID();
		if (jti == null || !JTI.matcher(jti).matches()) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "malformed", "The message has no valid id (jti).", issuer);
		}
		Verified verified = new Verified(issuer, jti, null, null, expires.toInstant(), claims);
		String typeName = verified.string(TYPE_CLAIM);
		Type type;
		try {
			type = typeName == null ? null : Type.valueOf(typeName);
		}
		catch (IllegalArgumentException ex) {
			type = null;
		}
		if (type == null) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "malformed", "The message's type is not one of "
					+ List.of(Type.values()) + ".", issuer);
		}
		String referralId = verified.required(REFERRAL_CLAIM, UUID_FORM);
		return new Verified(issuer, jti, type, referralId, expires.toInstant(), claims);
	}

	/** A receipt for a verified message, signed by this instance. */
	String receipt(Verified message, Map<String, Object> body) {
		Map<String, Object> claims = new java.util.LinkedHashMap<>(body);
		claims.put(TYPE_CLAIM, Type.receipt.name());
		claims.put(REFERRAL_CLAIM, message.referralId());
		claims.put(IN_REPLY_TO_CLAIM, message.jti());
		return sign(message.issuer(), claims).compact();
	}

	/**
	 * Checks a peer's receipt for a message this instance sent.
	 * @throws Refusal when it is not a valid receipt from that peer for that message
	 */
	Verified verifyReceipt(String compact, String peerCountry, Signed sent, String referralId) {
		Verified receipt = verify(compact);
		if (!receipt.issuer().equals(peerCountry) || receipt.type() != Type.receipt
				|| !referralId.equals(receipt.referralId()) || !sent.jti().equals(receipt.string(IN_REPLY_TO_CLAIM))) {
			throw new Refusal(HttpStatus.BAD_GATEWAY, "bad-receipt", "The answer is not " + peerCountry
					+ "'s receipt for the message sent.", peerCountry);
		}
		return receipt;
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
