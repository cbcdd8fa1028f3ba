package org.opennrm.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Node tools some tests drive (page scenarios, bpmnlint): each lives in a folder under {@code src/test} with its
 * own locked {@code package.json}, installed by {@code npm ci} on first use. Where Node is missing the test is skipped
 * with the reason ({@code .ci/run} installs it).
 */
public final class NodePackages {

	private NodePackages() {
	}

	/** Skips the calling test unless Node and npm are on the path. */
	public static void assumeNodeAvailable() {
		assumeTrue(run(Path.of("."), List.of("node", "--version")).succeeded(), "Node.js is not installed");
	}

	/** Installs the folder's locked packages unless {@code marker} (a package under node_modules) is there already. */
	public static synchronized void install(Path folder, String marker) {
		if (Files.isDirectory(folder.resolve("node_modules").resolve(marker))) {
			return;
		}
		// The integration tests run in two JVMs at once: one installs while the other waits for it.
		try (FileChannel lock = FileChannel.open(folder.resolve(".npm-install.lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock held = lock.lock()) {
			if (Files.isDirectory(folder.resolve("node_modules").resolve(marker))) {
				return;
			}
			Output install = run(folder, List.of("npm", "ci", "--no-audit", "--no-fund"));
			assertThat(install.succeeded()).as("npm ci in %s:%n%s", folder, install.text()).isTrue();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not lock " + folder + " for npm ci", ex);
		}
	}

	/** Runs a command in the folder and returns its exit code and combined output. */
	public static Output run(Path folder, List<String> command) {
		try {
			Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
			String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				return new Output(-1, text + "\n(timed out)");
			}
			return new Output(process.exitValue(), text);
		}
		catch (IOException ex) {
			return new Output(-1, ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Output(-1, "interrupted");
		}
	}

	/** What a command printed, and how it ended. */
	public record Output(int exitCode, String text) {

		public boolean succeeded() {
			return this.exitCode == 0;
		}

		public String lastLine() {
			List<String> lines = this.text.lines().filter(line -> !line.isBlank()).toList();
			return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
		}
	}
}
