package org.opennrm.casefile.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.opennrm.platform.OperatorFiles;
import org.opennrm.platform.SecretFiles;
import org.opennrm.platform.SecretFiles.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * The access policy and the case file's keyset.
 * <ul>
 * <li>The policy comes from {@code nrm.access-policy.location}, else {@code ./config/access-policy.yml}, else the copy
 * packaged in the jar.</li>
 * <li>The keyset (Tink JSON, one or more AES-256-GCM keys) comes from {@code nrm.casefile.keyset} (environment:
 * {@code NRM_CASEFILE_KEYSET}) or the file {@code nrm.casefile.keyset-file}; never from the repository. Only where
 * {@code nrm.casefile.generate-keyset} is on (the demo and test profiles) is a missing keyset generated, into the
 * keyset file if one is named. Otherwise the service refuses to start without one.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class CaseFileConfiguration {

	private static final Logger log = LoggerFactory.getLogger(CaseFileConfiguration.class);

	@Bean
	AccessPolicy accessPolicy(@Value("${nrm.access-policy.location:}") String location) throws IOException {
		Resource resource = OperatorFiles.locate(location, "access-policy.yml");
		AccessPolicy policy = AccessPolicy.read(resource);
		log.info("Access policy from {}", resource.getDescription());
		return policy;
	}

	@Bean
	SectionCipher sectionCipher(@Value("${nrm.casefile.keyset:}") String keyset,
			@Value("${nrm.casefile.keyset-file:}") String keysetFile,
			@Value("${nrm.casefile.generate-keyset:false}") boolean generate) throws IOException {
		if (!keyset.isBlank()) {
			return SectionCipher.fromJson(keyset);
		}
		Path file = keysetFile.isBlank() ? null : Path.of(keysetFile);
		if (file != null && Files.isRegularFile(file)) {
			return SectionCipher.fromJson(Files.readString(file, StandardCharsets.UTF_8));
		}
		if (!generate) {
			throw new IllegalStateException("No case file keyset: set NRM_CASEFILE_KEYSET (Tink JSON keyset) or "
					+ "nrm.casefile.keyset-file; the case file is never stored unencrypted");
		}
		if (file == null) {
			return SectionCipher.fromJson(SectionCipher.newKeysetJson());
		}
		Secret secret = SecretFiles.readOrGenerate(file, SectionCipher::newKeysetJson);
		if (secret.generated()) {
			log.warn("Generated a new case file keyset in {} (demo only: keep production keys out of the data folder)",
					file);
		}
		return SectionCipher.fromJson(secret.value());
	}
}
