package org.opennrm.transnational.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;

/**
 * The instances this one exchanges referrals with: one operator-edited file ({@code config/transnational-peers.yml}),
 * checked as it is read. Each peer has a country, a base URL and public keys, given in the file or in a JWK set file it
 * names (read again when it changes, so a peer's new key needs no restart). A peer not in the file does not exist for
 * this instance; a private key in the file stops the start.
 */
final class Peers {

	private static final Logger log = LoggerFactory.getLogger(Peers.class);

	private final Map<String, Peer> byCountry;

	private Peers(Map<String, Peer> byCountry) {
		this.byCountry = Map.copyOf(byCountry);
	}

	/** A peer instance. */
	static final class Peer {

		private final String country;

		private final String name;

		private final URI baseUrl;

		private final JWKSet inlineKeys;

		private final Path keysFile;

		private JWKSet fileKeys = new JWKSet();

		private FileTime fileKeysAt;

		Peer(String country, String name, URI baseUrl, JWKSet inlineKeys, Path keysFile) {
			this.country = country;
			this.name = name;
			this.baseUrl = baseUrl;
			this.inlineKeys = inlineKeys;
			this.keysFile = keysFile;
		}

		String country() {
			return this.country;
		}

		String name() {
			return this.name;
		}

		/** Where its peer endpoint takes messages. */
		URI messages() {
			return URI.create(this.baseUrl.toString().replaceAll("/+$", "") + PeerEndpoint.MESSAGES);
		}

		/** A public key of the peer by its id and use, if the peer has one. */
		Optional<ECKey> key(String keyId, KeyUse use) {
			return keys().getKeys().stream()
				.filter(key -> key.getKeyID() != null && key.getKeyID().equals(keyId))
				.filter(key -> use.equals(key.getKeyUse()))
				.filter(ECKey.class::isInstance)
				.map(ECKey.class::cast)
				.findFirst();
		}

		/** The key a package for this peer is sealed to: its first encryption key. */
		Optional<ECKey> encryptionKey() {
			return keys().getKeys().stream()
				.filter(key -> KeyUse.ENCRYPTION.equals(key.getKeyUse()))
				.filter(ECKey.class::isInstance)
				.map(ECKey.class::cast)
				.findFirst();
		}

		synchronized JWKSet keys() {
			if (this.keysFile == null) {
				return this.inlineKeys;
			}
			try {
				FileTime modified = Files.getLastModifiedTime(this.keysFile);
				if (!modified.equals(this.fileKeysAt)) {
					this.fileKeys = publicOnly(JWKSet.parse(Files.readString(this.keysFile, StandardCharsets.UTF_8)),
							this.country + " (" + this.keysFile + ")");
					this.fileKeysAt = modified;
				}
			}
			catch (IOException ex) {
				if (this.fileKeysAt != null || this.fileKeys.getKeys().isEmpty()) {
					log.warn("No keys for peer {} yet: {} cannot be read", this.country, this.keysFile);
				}
				this.fileKeys = new JWKSet();
				this.fileKeysAt = null;
			}
			catch (ParseException | IllegalStateException ex) {
				log.warn("Keys of peer {} in {} are not usable: {}", this.country, this.keysFile, ex.getMessage());
				this.fileKeys = new JWKSet();
				this.fileKeysAt = null;
			}
			return this.fileKeys;
		}
	}

	/**
	 * Reads the file after resolving {@code ${...}} placeholders in it (so an operator can take a URL from the
	 * environment), leaving out the entry of this instance's own country.
	 * @throws IllegalStateException naming every problem
	 */
	static Peers read(Resource resource, UnaryOperator<String> placeholders, String ownCountry) throws IOException {
		String text;
		try (InputStream in = resource.getInputStream()) {
			text = placeholders.apply(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		YAMLMapper yaml = YAMLMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
		File file = yaml.readValue(text, File.class);
		List<String> problems = new ArrayList<>();
		Map<String, Peer> peers = new TreeMap<>();
		for (RawPeer raw : file.peers() == null ? List.<RawPeer>of() : file.peers()) {
			String country = raw.country();
			if (country == null || !country.matches("[A-Z]{2}")) {
				problems.add("a peer's country must be an ISO 3166 two-letter code: " + country);
				continue;
			}
			if (peers.containsKey(country)) {
				problems.add("peer " + country + " appears twice");
			}
			URI baseUrl = null;
			try {
				baseUrl = raw.baseUrl() == null ? null : URI.create(raw.baseUrl());
			}
			catch (IllegalArgumentException ex) {
				// reported below
			}
			if (baseUrl == null || baseUrl.getHost() == null
					|| !("https".equals(baseUrl.getScheme()) || "http".equals(baseUrl.getScheme()))
					|| baseUrl.getUserInfo() != null || baseUrl.getQuery() != null) {
				problems.add("peer " + country + " needs a base-url such as https://nrm.example.org");
				continue;
			}
			if ((raw.keys() == null) == (raw.keysFile() == null || raw.keysFile().isBlank())) {
				problems.add("peer " + country + " needs either keys or a keys-file");
				continue;
			}
			JWKSet inline = new JWKSet();
			if (raw.keys() != null) {
				try {
					List<JWK> keys = new ArrayList<>();
					for (Map<String, Object> key : raw.keys()) {
						keys.add(JWK.parse(key));
					}
					inline = publicOnly(new JWKSet(keys), country);
				}
				catch (ParseException | IllegalStateException ex) {
					problems.add("peer " + country + ": " + ex.getMessage());
					continue;
				}
			}
			if (country.equals(ownCountry)) {
				continue;
			}
			peers.put(country, new Peer(country, raw.name() == null ? country : raw.name(), baseUrl, inline,
					raw.keysFile() == null || raw.keysFile().isBlank() ? null : Path.of(raw.keysFile())));
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Peers file " + resource.getDescription() + " is not valid: "
					+ String.join("; ", problems));
		}
		return new Peers(peers);
	}

	/** Public P-256 keys with ids and uses only; a private key here is an operator's mistake that must not pass. */
	static JWKSet publicOnly(JWKSet set, String peer) {
		for (JWK key : set.getKeys()) {
			if (key.isPrivate()) {
				throw new IllegalStateException("a private key of " + peer + " is listed: peers get public keys only");
			}
			if (key.getKeyID() == null || key.getKeyUse() == null || !(key instanceof ECKey ec)
					|| !Curve.P_256.equals(ec.getCurve())) {
				throw new IllegalStateException("the keys of " + peer + " must be P-256 EC keys with a kid and a use");
			}
		}
		return set;
	}

	Optional<Peer> find(String country) {
		return Optional.ofNullable(country == null ? null : this.byCountry.get(country));
	}

	/** The countries of the peers, in order. */
	java.util.SortedSet<String> countries() {
		return new TreeSet<>(this.byCountry.keySet());
	}

	record File(List<RawPeer> peers) {
	}

	record RawPeer(String country, String name, String baseUrl, List<Map<String, Object>> keys, String keysFile) {
	}
}
