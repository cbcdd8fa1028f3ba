package org.opennrm.test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.opennrm.NrmApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the whole service outside the shared test context, as an operator would start it, to test what happens at
 * start-up: restarts, refusals. Each run gets its own engine name so it never replaces the shared context's engine in
 * the engine registry.
 */
public final class ServiceRuns {

	/** Per JVM: the integration tests run in two at once, and each generates its own key on first use. */
	private static final Path KEYSET = Path.of("target", "service-runs-" + ProcessHandle.current().pid(),
			"keyset.json").toAbsolutePath();

	private ServiceRuns() {
	}

	public static ConfigurableApplicationContext start(String profiles, Map<String, Object> properties) {
		return start(profiles, properties, new Class<?>[0]);
	}

	/** With further configuration classes (a benchmark's), beside the service's own. */
	public static ConfigurableApplicationContext start(String profiles, Map<String, Object> properties,
			Class<?>... sources) {
		Map<String, Object> all = new HashMap<>();
		all.put("server.port", 0);
		all.put("camunda.bpm.process-engine-name", "run" + UUID.randomUUID().toString().substring(0, 8));
		all.put("camunda.bpm.job-execution.enabled", false);
		all.put("camunda.bpm.webapp.enabled", false);
		all.put("logging.level.root", "WARN");
		all.put("nrm.demo.seed-in-background", false);
		// One case file key for every run of this JVM, so that a restart on the same database opens what it sealed.
		all.put("nrm.casefile.keyset-file", KEYSET.toString());
		all.put("nrm.casefile.generate-keyset", true);
		all.put("nrm.security.sign-in.second-factor.keyset-file", KEYSET.resolveSibling("signin-keyset.json"));
		all.put("nrm.security.sign-in.second-factor.generate-keyset", true);
		all.putAll(properties);
		// Command-line arguments outrank every configuration file, as an operator's environment would.
		String[] args = all.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(NrmApplication.class).sources(sources).profiles(profiles.split(",")).run(args);
	}

	/** An in-memory H2 database of its own. */
	public static Map<String, Object> freshH2() {
		return Map.of("spring.datasource.url",
				"jdbc:h2:mem:run-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
	}
}
