package org.opennrm.transnational.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ByteArrayResource;

/** This instance's keys and its peers file are checked as they are read: a mistake stops the start with its reason. */
class InstanceKeysAndPeersTest {

	@TempDir
	Path folder;

	@Test
	void generated_keys_have_one_signing_and_one_encryption_key_and_give_only_public_halves_away() {
		InstanceKeys keys = InstanceKeys.parse(InstanceKeys.generate("MK"));

		assertThat(keys.signingKey().getKeyID()).startsWith("mk-sig-");
		assertThat(keys.publicKeys().getKeys()).hasSize(2).noneMatch(key -> key.isPrivate());
		assertThat(keys.publicKeys().getKeys()).extracting(key -> key.getKeyUse())
			.containsExactlyInAnyOrder(KeyUse.SIGNATURE, KeyUse.ENCRYPTION);
	}

	@Test
	void keys_without_their_private_part_a_use_or_a_signing_key_are_refused() throws Exception {
		JWKSet generated = JWKSet.parse(InstanceKeys.generate("MK"));

		assertThatThrownBy(() -> InstanceKeys.parse(generated.toPublicJWKSet().toString()))
			.hasMessageContaining("has no private part");
		assertThatThrownBy(() -> InstanceKeys.parse(new JWKSet(generated.getKeys().get(1)).toString(false)))
			.hasMessageContaining("no signing key");
		assertThatThrownBy(() -> InstanceKeys.parse("{\"keys\": [")).hasMessageContaining("not a JWK set")
			.hasMessageNotContaining("\"d\"");
	}

	@Test
	void the_peers_file_lists_peers_but_not_this_instance_and_resolves_placeholders() throws Exception {
		Peers peers = Peers.read(resource(file("${XK_URL:http://xk.example:8081}", publicKeys("XK"))),
				text -> text.replace("${XK_URL:http://xk.example:8081}", "https://xk.example.org"), "MK");

		assertThat(peers.countries()).containsExactly("XK");
		assertThat(peers.find("XK").orElseThrow().messages().toString())
			.isEqualTo("https://xk.example.org/peer/v1/messages");
		assertThat(peers.find("MK")).isEmpty();
		assertThat(peers.find("XK").orElseThrow().encryptionKey()).isPresent();
	}

	@Test
	void a_private_key_in_the_peers_file_stops_the_start() {
		String privateKeys = InstanceKeys.generate("XK").replace("{\"keys\":", "").replaceAll("}$", "");

		assertThatThrownBy(() -> Peers.read(resource(file("https://xk.example.org", privateKeys)), text -> text, "MK"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("a private key of XK is listed");
	}

	@Test
	void a_peer_without_a_country_url_or_keys_is_refused_with_every_problem_named() {
		String file = """
				peers:
				  - country: xk
				    base-url: https://xk.example.org
				    keys-file: x
				  - country: AL
				    base-url: ftp://al.example.org
				    keys-file: x
				  - country: ME
				    base-url: https://me.example.org
				""";

		assertThatThrownBy(() -> Peers.read(resource(file), text -> text, "MK"))
			.hasMessageContaining("ISO 3166 two-letter code: xk")
			.hasMessageContaining("peer AL needs a base-url")
			.hasMessageContaining("peer ME needs either keys or a keys-file");
	}

	@Test
	void keys_from_a_file_are_read_again_when_the_file_changes() throws Exception {
		Path keys = this.folder.resolve("xk.jwks.json");
		String file = """
				peers:
				  - country: XK
				    base-url: http://localhost:8081
				    keys-file: %s
				""".formatted(keys);
		Peers peers = Peers.read(resource(file), text -> text, "MK");
		assertThat(peers.find("XK").orElseThrow().encryptionKey()).as("no file yet: no keys, no error").isEmpty();

		InstanceKeys first = InstanceKeys.parse(InstanceKeys.generate("XK"));
		Files.writeString(keys, first.publicKeys().toString(true));
		assertThat(peers.find("XK").orElseThrow().key(first.signingKey().getKeyID(), KeyUse.SIGNATURE)).isPresent();

		InstanceKeys second = InstanceKeys.parse(InstanceKeys.generate("XK"));
		Files.writeString(keys, second.publicKeys().toString(true));
		Files.setLastModifiedTime(keys, FileTime.from(Instant.now().plusSeconds(5)));
		assertThat(peers.find("XK").orElseThrow().key(second.signingKey().getKeyID(), KeyUse.SIGNATURE)).isPresent();
		assertThat(peers.find("XK").orElseThrow().key(first.signingKey().getKeyID(), KeyUse.SIGNATURE)).isEmpty();
	}

	private static String publicKeys(String country) {
		String json = InstanceKeys.parse(InstanceKeys.generate(country)).publicKeys().toString(true);
		return json.replace("{\"keys\":", "").replaceAll("}$", "");
	}

	private static String file(String url, String keysJsonArray) {
		return "peers:\n  - country: XK\n    name: Kosovo\n    base-url: " + url + "\n    keys: " + keysJsonArray + "\n";
	}

	private static ByteArrayResource resource(String text) {
		return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8));
	}
}
