package org.opennrm.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs the page scenarios of {@code src/test/browser} in Debian's headless Chromium through playwright-core (Node).
 * Installs the Node packages on first use ({@link NodePackages}); screenshots go to {@code target/browser-report}. Where
 * Node or Chromium is missing the scenario is skipped with the reason ({@code .ci/run} installs Chromium).
 */
public final class BrowserScenarios {

	static final Path SCENARIOS = Path.of("src", "test", "browser");

	static final Path REPORT = Path.of("target", "browser-report");

	private static final ObjectMapper JSON = new ObjectMapper();

	private BrowserScenarios() {
	}

	/** Runs a scenario and fails the test with the scenario's own message if it does not pass. */
	public static JsonNode run(String scenario, Map<String, Object> arguments) {
		assumeBrowserAvailable();
		NodePackages.install(SCENARIOS, "playwright-core");
		Map<String, Object> args = new LinkedHashMap<>(arguments);
		args.put("outDir", REPORT.resolve(database()).toAbsolutePath().toString());
		try {
			NodePackages.Output output = NodePackages.run(SCENARIOS,
					List.of("node", "run.mjs", scenario, JSON.writeValueAsString(args)));
			String last = output.lastLine();
			JsonNode outcome = JSON.readTree(last.startsWith("{") ? last : "{}");
			assertThat(outcome.path("passed").asBoolean())
				.as("scenario %s: %s", scenario, outcome.path("error").asText(output.text()))
				.isTrue();
			return outcome.path("result");
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot run scenario " + scenario, ex);
		}
	}

	/**
	 * For a page whose data the API's tests check on both databases: the page itself (its rendering, languages, axe
	 * checks) does not depend on the database, so its browser run is on H2 only, which keeps the suite short. Pages
	 * that send the engine's own database-specific queries (Tasklist, Cockpit) stay on both.
	 */
	public static void onH2Only(String dataCheckedBy) {
		assumeFalse(TestDatabase.isPostgres(), "the page runs on H2; its data is checked on PostgreSQL by " + dataCheckedBy);
	}

	private static String database() {
		return System.getProperty("nrm.test.database", "h2");
	}

	static void assumeBrowserAvailable() {
		String chromium = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
		assumeTrue(Files.isExecutable(Path.of(chromium)),
				"Chromium not found at " + chromium + " (apt-get install chromium, or set CHROMIUM_PATH)");
		NodePackages.assumeNodeAvailable();
	}
}
