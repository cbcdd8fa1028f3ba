package org.opennrm.transnational.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;

/**
 * The message format between instances, end to end between two key sets: what verifies, and each way a message is
 * refused (altered, forged, unknown peer, unknown key, misaddressed, expired, not yet valid, unsigned), and that a
 * package opens only for the instance it was sealed to, also after that instance rotated its keys.
 */
class PeerMessagesTest {

	static final String REFERRAL = "0b6f5d8e-2c1a-4c55-9d7e-3f1f6a2b9c10";

	@TempDir
	Path folder;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void a_message_signed_by_a_peer_verifies_and_its_receipt_verifies_back() throws Exception {
		Instances pair = pair();
		PeerMessages.Signed sent = pair.mk().sign("XK", Map.of("type", "withdrawal", "ref", REFERRAL));

		PeerMessages.Verified verified = pair.xk().verify(sent.compact());

		assertThat(verified.issuer()).isEqualTo("MK");
		assertThat(verified.type()).isEqualTo(PeerMessages.Type.withdrawal);
		assertThat(verified.referralId()).isEqualTo(REFERRAL);
		assertThat(verified.jti()).isEqualTo(sent.jti());
		String receipt = pair.xk().receipt(verified, Map.of("result", "withdrawn"));
		assertThat(pair.mk().verifyReceipt(receipt, "XK", sent, REFERRAL).string("result")).isEqualTo("withdrawn");
	}

	@Test
	void every_signing_gives_a_new_message_id() throws Exception {
		Instances pair = pair();
		Map<String, Object> body = Map.of("type", "withdrawal", "ref", REFERRAL);

		assertThat(pair.mk().sign("XK", body).jti()).isNotEqualTo(pair.mk().sign("XK", body).jti());
	}

	@Test
	void an_altered_message_is_refused_as_a_bad_signature() throws Exception {
		Instances pair = pair();
		String compact = pair.mk().sign("XK", Map.of("type", "decision", "ref", REFERRAL, "decision", "Accepted")).compact();
		String[] parts = compact.split("\\.");
		String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("Accepted", "Declined");
		String altered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
			.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

		assertRefused(() -> pair.xk().verify(altered), HttpStatus.UNAUTHORIZED, "bad-signature");
	}

	@Test
	void a_message_from_a_country_not_in_the_peers_file_is_refused_as_an_unknown_peer() throws Exception {
		Instances pair = pair();
		InstanceKeys stranger = InstanceKeys.parse(InstanceKeys.generate("AL"));
		PeerMessages albania = new PeerMessages(stranger, pair.xkPeers(), "AL", Duration.ofMinutes(5),
				Duration.ofMinutes(1));

		assertRefused(() -> pair.xk().verify(albania.sign("XK", Map.of("type", "withdrawal", "ref", REFERRAL)).compact()),
				HttpStatus.FORBIDDEN, "unknown-peer");
	}

	@Test
	void a_message_signed_with_a_key_the_peers_file_does_not_list_is_refused() throws Exception {
		Instances pair = pair();
		InstanceKeys impostor = InstanceKeys.parse(InstanceKeys.generate("MK"));
		PeerMessages forged = new PeerMessages(impostor, pair.xkPeers(), "MK", Duration.ofMinutes(5),
				Duration.ofMinutes(1));

		assertRefused(() -> pair.xk().verify(forged.sign("XK", Map.of("type", "withdrawal", "ref", REFERRAL)).compact()),
				HttpStatus.UNAUTHORIZED, "unknown-key");
	}

	@Test
	void a_message_for_another_instance_is_refused() throws Exception {
		Instances pair = pair();

		assertRefused(() -> pair.xk().verify(pair.mk().sign("AL", Map.of("type", "withdrawal", "ref", REFERRAL)).compact()),
				HttpStatus.BAD_REQUEST, "misaddressed");
	}

	@Test
	void an_expired_message_is_refused_and_so_is_one_from_the_future() throws Exception {
		Instances pair = pair();
		Instant now = Instant.parse("2026-03-02T09:00:00Z");
		ClockUtil.setCurrentTime(Date.from(now));
		String signedNow = pair.mk().sign("XK", Map.of("type", "withdrawal", "ref", REFERRAL)).compact();
		ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofMinutes(7))));

		assertRefused(() -> pair.xk().verify(signedNow), HttpStatus.UNAUTHORIZED, "expired");
		ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofMinutes(3))));
		assertRefused(() -> pair.xk().verify(signedNow), HttpStatus.UNAUTHORIZED, "not-valid-now");
		ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofMinutes(5))));
		assertThat(pair.xk().verify(signedNow).issuer()).as("within the clock skew").isEqualTo("MK");
	}

	@Test
	void an_unsigned_message_or_a_body_that_is_not_one_is_refused_as_malformed() throws Exception {
		Instances pair = pair();
		String header = Base64.getUrlEncoder().withoutPadding()
			.encodeToString("{\"alg\":\"none\",\"typ\":\"nrm-message+jwt\"}".getBytes(StandardCharsets.UTF_8));
		String claims = Base64.getUrlEncoder().withoutPadding()
			.encodeToString(("{\"iss\":\"MK\",\"aud\":\"XK\",\"type\":\"withdrawal\",\"ref\":\"" + REFERRAL + "\"}")
				.getBytes(StandardCharsets.UTF_8));

		assertRefused(() -> pair.xk().verify(header + "." + claims + "."), HttpStatus.BAD_REQUEST, "malformed");
		assertRefused(() -> pair.xk().verify("not a message"), HttpStatus.BAD_REQUEST, "malformed");
	}

	@Test
	void a_message_of_no_known_type_or_without_a_referral_is_refused() throws Exception {
		Instances pair = pair();

		assertRefused(() -> pair.xk().verify(pair.mk().sign("XK", Map.of("type", "hello", "ref", REFERRAL)).compact()),
				HttpStatus.BAD_REQUEST, "malformed");
		assertRefused(() -> pair.xk().verify(pair.mk().sign("XK", Map.of("type", "withdrawal")).compact()),
				HttpStatus.BAD_REQUEST, "malformed");
	}

	@Test
	void a_receipt_for_another_message_is_not_taken_as_the_receipt() throws Exception {
		Instances pair = pair();
		PeerMessages.Signed first = pair.mk().sign("XK", Map.of("type", "withdrawal", "ref", REFERRAL));
		PeerMessages.Signed second = pair.mk().sign("XK", Map.of("type", "withdrawal", "ref", REFERRAL));
		String receiptOfFirst = pair.xk().receipt(pair.xk().verify(first.compact()), Map.of());

		assertRefused(() -> pair.mk().verifyReceipt(receiptOfFirst, "XK", second, REFERRAL), HttpStatus.BAD_GATEWAY,
				"bad-receipt");
	}

	@Test
	void a_package_opens_only_for_the_instance_it_was_sealed_to_and_not_once_altered() throws Exception {
		Instances pair = pair();
		byte[] content = "{\"firstName\":\"Синтетичка\"}".getBytes(StandardCharsets.UTF_8);
		PeerMessages.Sealed sealed = pair.mk().seal(pair.mkPeers().find("XK").orElseThrow(), REFERRAL, content);

		assertThat(sealed.jwe()).doesNotContain("firstName");
		assertThat(sealed.hash()).isEqualTo(PeerMessages.sha256(sealed.jwe())).hasSize(64);
		assertThat(pair.xk().open(sealed.jwe(), REFERRAL, "MK")).isEqualTo(content);
		assertRefused(() -> pair.xk().open(sealed.jwe(), "0b6f5d8e-2c1a-4c55-9d7e-3f1f6a2b9c11", "MK"),
				HttpStatus.BAD_REQUEST, "malformed-package");
		assertRefused(() -> pair.mk().open(sealed.jwe(), REFERRAL, "MK"), HttpStatus.BAD_REQUEST, "unknown-encryption-key");
		String[] parts = sealed.jwe().split("\\.");
		char flipped = parts[3].charAt(0) == 'A' ? 'B' : 'A';
		parts[3] = flipped + parts[3].substring(1);
		assertRefused(() -> pair.xk().open(String.join(".", parts), REFERRAL, "MK"), HttpStatus.BAD_REQUEST,
				"undecryptable-package");
	}

	@Test
	void after_a_key_rotation_a_package_sealed_to_the_old_key_still_opens() throws Exception {
		Instances pair = pair();
		byte[] content = "{}".getBytes(StandardCharsets.UTF_8);
		PeerMessages.Sealed sealedToOld = pair.mk().seal(pair.mkPeers().find("XK").orElseThrow(), REFERRAL, content);
		JWKSet old = JWKSet.parse(pair.xkKeys());
		JWKSet fresh = JWKSet.parse(InstanceKeys.generate("XK"));
		JWKSet rotated = new JWKSet(List.of(fresh.getKeys().get(0), fresh.getKeys().get(1), old.getKeys().get(0),
				old.getKeys().get(1)));
		PeerMessages xkAfterRotation = new PeerMessages(InstanceKeys.parse(rotated.toString(false)), pair.xkPeers(),
				"XK", Duration.ofMinutes(5), Duration.ofMinutes(1));

		assertThat(xkAfterRotation.open(sealedToOld.jwe(), REFERRAL, "MK")).isEqualTo(content);
	}

	static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, HttpStatus status,
			String reason) {
		assertThatThrownBy(call).isInstanceOfSatisfying(Refusal.class, refusal -> {
			assertThat(refusal.status()).isEqualTo(status);
			assertThat(refusal.reason()).isEqualTo(reason);
		});
	}

	/** MK and XK, each with its own keys and the other in its peers file (keys in a file, as the demo has them). */
	record Instances(PeerMessages mk, PeerMessages xk, Peers mkPeers, Peers xkPeers, String xkKeys) {
	}

	Instances pair() throws Exception {
		String mkKeys = InstanceKeys.generate("MK");
		String xkKeys = InstanceKeys.generate("XK");
		InstanceKeys mk = InstanceKeys.parse(mkKeys);
		InstanceKeys xk = InstanceKeys.parse(xkKeys);
		Files.writeString(this.folder.resolve("mk.jwks.json"), mk.publicKeys().toString(true));
		Files.writeString(this.folder.resolve("xk.jwks.json"), xk.publicKeys().toString(true));
		String file = """
				peers:
				  - country: MK
				    base-url: http://localhost:8080
				    keys-file: %s/mk.jwks.json
				  - country: XK
				    base-url: http://localhost:8081
				    keys-file: %s/xk.jwks.json
				""".formatted(this.folder, this.folder);
		Peers mkPeers = Peers.read(new ByteArrayResource(file.getBytes(StandardCharsets.UTF_8)), text -> text, "MK");
		Peers xkPeers = Peers.read(new ByteArrayResource(file.getBytes(StandardCharsets.UTF_8)), text -> text, "XK");
		return new Instances(new PeerMessages(mk, mkPeers, "MK", Duration.ofMinutes(5), Duration.ofMinutes(1)),
				new PeerMessages(xk, xkPeers, "XK", Duration.ofMinutes(5), Duration.ofMinutes(1)), mkPeers, xkPeers,
				xkKeys);
	}
}
