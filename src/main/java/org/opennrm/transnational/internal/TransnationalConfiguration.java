package org.opennrm.transnational.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.opennrm.deadlines.Jurisdictions;
import org.opennrm.platform.OperatorFiles;
import org.opennrm.platform.SecretFiles;
import org.opennrm.platform.SecretFiles.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Who this instance is to its peers (ADR 25): its country (the jurisdiction profile's {@code country}), its keys
 * (from {@code NRM_TRANSNATIONAL_KEYS} or a key file, never from the repository; generated only where
 * {@code generate-keys} is on, as in the demo) and its peers (one operator-edited file). With the exchange switched on,
 * the service does not start without all three.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TransnationalConfiguration {

	private static final Logger log = LoggerFactory.getLogger(TransnationalConfiguration.class);

	static final String PEERS_FILE = "transnational-peers.yml";

	@Bean
	Exchange exchange(TransnationalProperties properties, Jurisdictions jurisdictions, Environment environment)
			throws IOException {
		if (!properties.enabled()) {
			log.info("Transnational referral is off (nrm.transnational.enabled)");
			return Exchange.off();
		}
		String country = jurisdictions.profile(jurisdictions.defaultId()).country();
		if (country == null) {
			throw new IllegalStateException("Transnational referral needs this instance's country: the jurisdiction "
					+ "profile '" + jurisdictions.defaultId() + "' names none (its 'country')");
		}
		InstanceKeys keys = InstanceKeys.parse(keys(properties, country));
		Resource resource = OperatorFiles.locate(properties.peersLocation(), PEERS_FILE);
		Peers peers = Peers.read(resource, environment::resolveRequiredPlaceholders, country);
		publish(properties, country, keys);
		log.info("Transnational referral on as {}: signing key {}, peers {} from {}", country,
				keys.signingKey().getKeyID(), peers.countries(), resource.getDescription());
		return Exchange.on(country, keys, peers,
				new PeerMessages(keys, peers, country, properties.messageLifetime(), properties.clockSkew()));
	}

	private static String keys(TransnationalProperties properties, String country) throws IOException {
		if (properties.keys() != null && !properties.keys().isBlank()) {
			return properties.keys();
		}
		Path file = properties.keysFile() == null || properties.keysFile().isBlank() ? null : Path.of(properties.keysFile());
		if (file != null && Files.isRegularFile(file)) {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		if (!properties.generateKeys()) {
			throw new IllegalStateException("No transnational keys: set NRM_TRANSNATIONAL_KEYS (a JWK set with a "
					+ "signing and an encryption key) or nrm.transnational.keys-file; they never come from the repository");
		}
		if (file == null) {
			return InstanceKeys.generate(country);
		}
		Secret secret = SecretFiles.readOrGenerate(file, () -> InstanceKeys.generate(country));
		if (secret.generated()) {
			log.warn("Generated new transnational keys in {} (demo only: production keys come from a secret store)", file);
		}
		return secret.value();
	}

	/** Writes the public keys where the operators of peers (or, in the demo, the peers themselves) can read them. */
	private static void publish(TransnationalProperties properties, String country, InstanceKeys keys)
			throws IOException {
		if (properties.publishPublicKeysTo() == null || properties.publishPublicKeysTo().isBlank()) {
			return;
		}
		Path folder = Path.of(properties.publishPublicKeysTo());
		Files.createDirectories(folder);
		Path target = folder.resolve(country.toLowerCase(Locale.ROOT) + ".jwks.json");
		Path temporary = Files.createTempFile(folder, country.toLowerCase(Locale.ROOT), ".tmp");
		Files.writeString(temporary, keys.publicKeys().toString(true), StandardCharsets.UTF_8);
		Files.move(temporary, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
				java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		log.info("Public transnational keys of {} written to {}", country, target);
	}
}
