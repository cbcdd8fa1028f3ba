package org.opennrm.test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.opennrm.NrmApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * Starts the whole service outside the shared test context, as an operator would start it, to test what happens at
 * start-up: restarts, refusals. Each run gets its own engine name so it never replaces the shared context's engine in
 * the engine registry.
 */
public final class ServiceRuns {

	/** Per JVM: the integration tests run in two at once, and each generates its own key on first use. */
	private static final Path KEYSET = Path.of("target", "service-runs-" + ProcessHandle.current().pid(),
			"keyset.json").toAbsolutePath();

	/**
	 * Spring Boot sets up logging in one logger context per JVM, and two runs setting it up at once break each other
	 * ("no conversion class registered for [clr]" when one resets the context while the other reads its patterns).
	 * Separate processes, as real nodes are, never share it, so runs started together take turns for that step only.
	 */
	private static final ReentrantLock LOGGING_SET_UP = new ReentrantLock();

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
		SpringApplicationBuilder run = new SpringApplicationBuilder(NrmApplication.class).sources(sources)
			.profiles(profiles.split(","))
			.listeners(new LoggingSetUpDone());
		takeTurnForLoggingSetUp();
		try {
			return run.run(args);
		}
		finally {
			if (LOGGING_SET_UP.isHeldByCurrentThread()) {
				LOGGING_SET_UP.unlock();
			}
		}
	}

	private static void takeTurnForLoggingSetUp() {
		try {
			if (!LOGGING_SET_UP.tryLock(5, TimeUnit.MINUTES)) {
				throw new IllegalStateException("Another run has been setting up logging for five minutes");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to set up logging", ex);
		}
	}

	/**
	 * Ends the turn once Spring Boot's logging listener (early among the prepared environment's listeners) has set the
	 * logger context up, so that the rest of the start-up runs alongside other runs; otherwise it ends when the run
	 * returns or fails.
	 */
	private static final class LoggingSetUpDone implements ApplicationListener<ApplicationEnvironmentPreparedEvent>,
			Ordered {

		@Override
		public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
			if (LOGGING_SET_UP.isHeldByCurrentThread()) {
				LOGGING_SET_UP.unlock();
			}
		}

		@Override
		public int getOrder() {
			return LoggingApplicationListener.DEFAULT_ORDER + 1;
		}
	}

	/** H2's settings as the service's own URL has them (application.yml). */
	private static final String H2_SETTINGS = ";DEFAULT_NULL_ORDERING=HIGH";

	/** An in-memory H2 database of its own. */
	public static Map<String, Object> freshH2() {
		return Map.of("spring.datasource.url",
				"jdbc:h2:mem:run-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + H2_SETTINGS);
	}

	/** An H2 database in files under this folder, as the service keeps its own under {@code ./data}. */
	public static Map<String, Object> h2In(Path folder) {
		return Map.of("spring.datasource.url",
				"jdbc:h2:file:" + folder.resolve("opennrm") + ";DB_CLOSE_ON_EXIT=FALSE" + H2_SETTINGS);
	}
}
