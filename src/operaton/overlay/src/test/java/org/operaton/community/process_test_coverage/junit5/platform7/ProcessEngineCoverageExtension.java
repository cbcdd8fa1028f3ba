package org.operaton.community.process_test_coverage.junit5.platform7;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.operaton.bpm.engine.test.junit5.ProcessEngineExtension;
import org.operaton.community.process_test_coverage.engine.platform7.CoverageRecorder;

/**
 * Operaton build only (ADR 42): stands in for the process test coverage extension, which has no Operaton release,
 * with the part of its API our process tests use. Operaton's own {@link ProcessEngineExtension}, plus: every test's
 * flow nodes and sequence flows written to {@code target/process-test-coverage/<test class>/report.json} in the
 * extension's format (which {@code ProcessCoverageTest} reads), and the class's coverage of the models it ran
 * asserted after its last test, as the extension does. No HTML report.
 */
public class ProcessEngineCoverageExtension extends ProcessEngineExtension {

	/** The Kotlin companion object of the extension, as Java callers see it. */
	public static final Companion Companion = new Companion();

	private static final Path REPORTS = Path.of("target", "process-test-coverage");

	private final double minimumClassCoverage;

	private final Set<String> excludedProcessDefinitionKeys;

	/** Runs of this class: test name to its events. */
	private final Map<String, List<CoverageRecorder.Event>> runs = new LinkedHashMap<>();

	/** Process definition key to the ids of its flow nodes and sequence flows. */
	private final Map<String, Set<String>> models = new TreeMap<>();

	ProcessEngineCoverageExtension(double minimumClassCoverage, Set<String> excludedProcessDefinitionKeys) {
		this.minimumClassCoverage = minimumClassCoverage;
		this.excludedProcessDefinitionKeys = excludedProcessDefinitionKeys;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		super.beforeAll(context);
		CoverageRecorder.drain();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		List<CoverageRecorder.Event> events = new ArrayList<>();
		for (CoverageRecorder.Event event : CoverageRecorder.drain()) {
			if (this.excludedProcessDefinitionKeys.contains(event.modelKey())) {
				continue;
			}
			events.add(event);
			this.models.computeIfAbsent(event.modelKey(), CoverageRecorder::elementsOf);
		}
		this.runs.put(context.getDisplayName(), events);
		super.afterEach(context);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		String suite = context.getRequiredTestClass().getName();
		writeReport(suite);
		super.afterAll(context);
		Set<String> covered = new HashSet<>();
		this.runs.values().forEach(events -> events.forEach(event -> covered.add(event.modelKey() + "/" + event.elementId())));
		int total = 0;
		int hit = 0;
		for (Map.Entry<String, Set<String>> model : this.models.entrySet()) {
			total += model.getValue().size();
			hit += (int) model.getValue().stream().filter(id -> covered.contains(model.getKey() + "/" + id)).count();
		}
		double coverage = total == 0 ? 1.0 : (double) hit / total;
		assertThat(coverage).as("process coverage of %s over %s", suite, this.models.keySet())
			.isGreaterThanOrEqualTo(this.minimumClassCoverage);
	}

	private void writeReport(String suite) {
		List<Map<String, Object>> runs = new ArrayList<>();
		this.runs.forEach((name, events) -> runs.add(Map.of("id", name, "name", name, "events",
				events.stream().map(event -> Map.of("source", event.source(), "type", "TAKE", "modelKey",
						event.modelKey(), "definitionKey", event.elementId(), "timestamp", event.timestamp())).toList())));
		List<Map<String, Object>> models = new ArrayList<>();
		this.models.forEach((key, ids) -> models.add(Map.of("key", key, "totalElementCount", ids.size())));
		Map<String, Object> report = Map.of("suites",
				List.of(Map.of("id", suite, "name", suite, "runs", runs, "models", models)));
		try {
			Path folder = Files.createDirectories(REPORTS.resolve(suite));
			new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(folder.resolve("report.json").toFile(), report);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code ProcessEngineCoverageExtension.Companion.builder(configurationResource)}. */
	public static final class Companion {

		private Companion() {
		}

		public Builder builder(String configurationResource) {
			return new Builder(configurationResource);
		}
	}

	public static final class Builder {

		private final String configurationResource;

		private double minimumClassCoverage;

		private final Set<String> excludedProcessDefinitionKeys = new HashSet<>();

		Builder(String configurationResource) {
			this.configurationResource = configurationResource;
		}

		public Builder assertClassCoverageAtLeast(double share) {
			this.minimumClassCoverage = share;
			return this;
		}

		public Builder excludeProcessDefinitionKeys(String... keys) {
			this.excludedProcessDefinitionKeys.addAll(List.of(keys));
			return this;
		}

		public ProcessEngineCoverageExtension build() {
			ProcessEngineCoverageExtension extension = new ProcessEngineCoverageExtension(this.minimumClassCoverage,
					Set.copyOf(this.excludedProcessDefinitionKeys));
			extension.configurationResource(this.configurationResource);
			return extension;
		}
	}
}
