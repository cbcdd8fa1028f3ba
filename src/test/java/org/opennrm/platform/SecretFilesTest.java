package org.opennrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennrm.platform.SecretFiles.Secret;

/**
 * {@link SecretFiles}: a generated secret is written once, owner-only, and nodes generating at once all end with it.
 */
class SecretFilesTest {

	@TempDir
	Path folder;

	@Test
	void a_missing_file_is_generated_into_a_new_folder_readable_by_its_owner_only() throws IOException {
		Path file = this.folder.resolve("data").resolve("keyset.json");

		Secret secret = SecretFiles.readOrGenerate(file, () -> "the secret");

		assertThat(secret.generated()).isTrue();
		assertThat(secret.value()).isEqualTo("the secret");
		assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("the secret");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(secret.toString()).as("never the value, should it be logged").doesNotContain("the secret");
		try (var left = Files.list(file.getParent())) {
			assertThat(left).as("no temporary file stays behind").containsExactly(file);
		}
	}

	@Test
	void an_existing_file_is_read_and_never_replaced() throws IOException {
		Path file = this.folder.resolve("keyset.json");
		Files.writeString(file, "the operator's", StandardCharsets.UTF_8);
		AtomicInteger generated = new AtomicInteger();

		Secret secret = SecretFiles.readOrGenerate(file, () -> "new " + generated.incrementAndGet());

		assertThat(secret).isEqualTo(new Secret("the operator's", false));
		assertThat(generated).as("nothing generated").hasValue(0);
		assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("the operator's");
	}

	@Test
	void a_node_that_loses_the_race_keeps_the_winners_secret_and_leaves_nothing_behind() throws IOException {
		Path file = this.folder.resolve("keyset.json");

		// The other node writes its secret while this one is generating its own.
		Secret secret = SecretFiles.readOrGenerate(file, () -> {
			assertThat(uncheckedReadOrGenerate(file, "the winner's").generated()).isTrue();
			return "the loser's";
		});

		assertThat(secret).isEqualTo(new Secret("the winner's", false));
		assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("the winner's");
		try (var left = Files.list(this.folder)) {
			assertThat(left).containsExactly(file);
		}
	}

	private static Secret uncheckedReadOrGenerate(Path file, String value) {
		try {
			return SecretFiles.readOrGenerate(file, () -> value);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void nodes_that_generate_at_once_all_end_with_the_one_secret_written() throws Exception {
		ExecutorService nodes = Executors.newFixedThreadPool(4);
		try {
			for (int round = 0; round < 50; round++) {
				Path file = this.folder.resolve("round-" + round).resolve("keyset.json");
				CountDownLatch go = new CountDownLatch(1);
				List<Future<Secret>> started = new ArrayList<>();
				for (int node = 0; node < 4; node++) {
					started.add(nodes.submit(() -> {
						go.await();
						return SecretFiles.readOrGenerate(file, () -> UUID.randomUUID().toString());
					}));
				}
				go.countDown();
				List<Secret> secrets = new ArrayList<>();
				for (Future<Secret> node : started) {
					secrets.add(node.get());
				}
				String written = Files.readString(file, StandardCharsets.UTF_8);
				assertThat(secrets).as("round %d", round).extracting(Secret::value).containsOnly(written);
				assertThat(secrets).filteredOn(Secret::generated).as("one wrote it").hasSize(1);
				try (var left = Files.list(file.getParent())) {
					assertThat(left).containsExactly(file);
				}
			}
		}
		finally {
			nodes.shutdownNow();
		}
	}
}
