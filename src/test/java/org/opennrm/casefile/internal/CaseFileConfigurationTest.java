package org.opennrm.casefile.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennrm.casefile.Section;

/** The service never stores the case file unencrypted: without a keyset it does not start, unless told to make one. */
class CaseFileConfigurationTest {

	final CaseFileConfiguration configuration = new CaseFileConfiguration();

	@TempDir
	Path folder;

	@Test
	void without_a_keyset_the_service_refuses_to_start() {
		assertThatThrownBy(() -> this.configuration.sectionCipher("", "", false))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("NRM_CASEFILE_KEYSET");
		assertThatThrownBy(() -> this.configuration.sectionCipher("", this.folder.resolve("missing.json").toString(),
				false))
			.hasMessageContaining("never stored unencrypted");
	}

	@Test
	void a_keyset_from_the_environment_is_used_as_given() throws IOException {
		String keyset = SectionCipher.newKeysetJson();
		byte[] sealed = SectionCipher.fromJson(keyset).seal(new byte[] { 1, 2, 3 }, ad());

		assertThat(this.configuration.sectionCipher(keyset, "", false).open(sealed, ad())).containsExactly(1, 2, 3);
	}

	@Test
	void where_generating_is_allowed_the_keyset_is_written_once_readable_by_its_owner_only_and_reused()
			throws IOException {
		Path file = this.folder.resolve("data/keyset.json");

		SectionCipher first = this.configuration.sectionCipher("", file.toString(), true);
		String written = Files.readString(file, StandardCharsets.UTF_8);
		SectionCipher again = this.configuration.sectionCipher("", file.toString(), true);

		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(again.primaryKeyId()).isEqualTo(first.primaryKeyId());
		assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(written);
		assertThat(again.open(first.seal(new byte[] { 7 }, ad()), ad())).containsExactly(7);
	}

	@Test
	void the_access_policy_in_config_is_the_one_read() throws IOException {
		Path policy = this.folder.resolve("policy.yml");
		Files.writeString(policy, "sections:\n  diary: {read: [police]}\n");

		assertThatThrownBy(() -> this.configuration.accessPolicy("file:" + policy))
			.hasMessageContaining("unknown section 'diary'");
		assertThat(this.configuration.accessPolicy("").sections()).containsKey(Section.LawEnforcement);
	}

	private static byte[] ad() {
		return JdbcCaseFile.associatedData("case-1", Section.Identity);
	}
}
