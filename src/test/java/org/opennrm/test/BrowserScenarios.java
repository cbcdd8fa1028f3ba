package org.opennrm.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs the page scenarios of {@code src/test/browser} in Debian's headless Chromium through playwright-core (Node).
 * Installs the Node packages on first use ({@code npm ci}); screenshots go to {@code target/browser-report}. Where
 * Node or Chromium is missing the scenario is skipped with the reason ({@code .ci/run} installs Chromium).
 */
public final class BrowserScenarios {

	static final Path SCENARIOS = Path.of("src", "test", "browser");

	static final Path REPORT = Path.of("target", "browser-report");

	private static final ObjectMapper JSON = new ObjectMapper();

	private static boolean installed;

	private BrowserScenarios() {
	}

	/** Runs a scenario and fails the test with the scenario's own message if it does not pass. */
	public static JsonNode run(String scenario, Map<String, Object> arguments) {
		assumeBrowserAvailable();
		install();
		Map<String, Object> args = new LinkedHashMap<>(arguments);
		args.put("outDir", REPORT.resolve(database()).toAbsolutePath().toString());
		try {
			Process node = new ProcessBuilder("node", "run.mjs", scenario, JSON.writeValueAsString(args))
				.directory(SCENARIOS.toFile())
				.redirectErrorStream(true)
				.start();
			String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(node.waitFor(3, TimeUnit.MINUTES)).as("scenario %s finished", scenario).isTrue();
			List<String> lines = output.lines().toList();
			JsonNode outcome = JSON.readTree(lines.isEmpty() ? "{}" : lines.get(lines.size() - 1));
			assertThat(outcome.path("passed").asBoolean())
				.as("scenario %s: %s", scenario, outcome.path("error").asText(output))
				.isTrue();
			return outcome.path("result");
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run scenario " + scenario, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String database() {
		return System.getProperty("nrm.test.database", "h2");
	}

	static void assumeBrowserAvailable() {
		String chromium = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
		assumeTrue(Files.isExecutable(Path.of(chromium)),
				"Chromium not found at " + chromium + " (apt-get install chromium, or set CHROMIUM_PATH)");
		assumeTrue(succeeds(List.of("node", "--version")), "Node.js is not installed");
	}

	private static synchronized void install() {
		if (installed || Files.isDirectory(SCENARIOS.resolve("node_modules/playwright-core"))) {
			installed = true;
			return;
		}
		assertThat(succeeds(List.of("npm", "ci", "--no-audit", "--no-fund"))).as("npm ci in " + SCENARIOS).isTrue();
		installed = true;
	}

	private static boolean succeeds(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).directory(SCENARIOS.toFile()).inheritIO().start();
			return process.waitFor(5, TimeUnit.MINUTES) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}
}
