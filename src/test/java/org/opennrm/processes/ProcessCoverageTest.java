package org.opennrm.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Flow-node and sequence-flow coverage per model, over every process test class's report: each model under
 * {@code processes/} must be covered to at least 90 % by the process tests. Runs after them (it reads their reports)
 * and writes {@code target/process-test-coverage/summary.md}.
 */
@Order(Integer.MAX_VALUE)
class ProcessCoverageTest {

	static final Path REPORTS = Path.of("target", "process-test-coverage");

	@Test
	void every_model_is_covered_to_at_least_ninety_percent() throws IOException {
		Map<String, Set<String>> covered = coveredElementsByModel();
		Map<String, Double> coverage = new TreeMap<>();
		List<String> rows = new ArrayList<>();
		for (Path file : ProcessModelRulesTest.bpmnFiles().toList()) {
			BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
			for (Process process : model.getModelElementsByType(Process.class)) {
				Set<String> elements = new HashSet<>();
				model.getModelElementsByType(FlowNode.class).forEach(node -> elements.add(node.getId()));
				model.getModelElementsByType(SequenceFlow.class).forEach(flow -> elements.add(flow.getId()));
				Set<String> hit = new HashSet<>(covered.getOrDefault(process.getId(), Set.of()));
				hit.retainAll(elements);
				double share = elements.isEmpty() ? 1.0 : (double) hit.size() / elements.size();
				coverage.put(process.getId(), share);
				Set<String> missed = new java.util.TreeSet<>(elements);
				missed.removeAll(hit);
				rows.add("| %s | %d / %d | %.1f %% | %s |".formatted(process.getId(), hit.size(), elements.size(),
						share * 100, missed.stream().filter(id -> !id.startsWith("Flow_")).collect(Collectors.joining(", "))));
			}
		}
		Files.createDirectories(REPORTS);
		Files.writeString(REPORTS.resolve("summary.md"), "# Process test coverage\n\n"
				+ "| Process | Covered elements | Coverage | Flow nodes not reached |\n|---|---|---|---|\n"
				+ String.join("\n", rows) + "\n");
		assertThat(coverage).as("coverage per process (see %s)", REPORTS.resolve("summary.md"))
			.allSatisfy((process, share) -> assertThat(share).as(process).isGreaterThanOrEqualTo(0.9));
	}

	/** Model key to every element id some test run passed through. */
	private static Map<String, Set<String>> coveredElementsByModel() throws IOException {
		Map<String, Set<String>> covered = new HashMap<>();
		if (!Files.isDirectory(REPORTS)) {
			return covered;
		}
		ObjectMapper json = new ObjectMapper();
		try (Stream<Path> files = Files.walk(REPORTS)) {
			for (Path report : files.filter(path -> path.getFileName().toString().equals("report.json")).toList()) {
				for (JsonNode suite : json.readTree(report.toFile()).path("suites")) {
					for (JsonNode run : suite.path("runs")) {
						for (JsonNode event : run.path("events")) {
							covered.computeIfAbsent(event.path("modelKey").asText(), key -> new HashSet<>())
								.add(event.path("definitionKey").asText());
						}
					}
				}
			}
		}
		return covered;
	}
}
