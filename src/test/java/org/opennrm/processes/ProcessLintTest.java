package org.opennrm.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.opennrm.test.NodePackages;

/**
 * Every model under {@code processes/} passes bpmnlint with the rules in {@code processes/.bpmnlintrc}: bpmnlint's
 * recommended set (no implicit joins or splits, no disconnected elements, labelled gateways and events) and the
 * Camunda 7.24 compatibility rules, the same checks Camunda Modeler shows while the model is edited. Warnings count.
 */
class ProcessLintTest {

	private static final Path LINTER = Path.of("src", "test", "bpmnlint");

	private static final Path PROCESSES = Path.of("processes");

	@Test
	void every_model_passes_bpmnlint() throws IOException {
		List<Path> models;
		try (Stream<Path> files = Files.walk(PROCESSES)) {
			models = files.filter(path -> path.toString().endsWith(".bpmn")).sorted().toList();
		}
		assertThat(models).as("models to lint").isNotEmpty();

		NodePackages.Output lint = lint(models);

		assertThat(lint.succeeded()).as("bpmnlint found problems:%n%s", lint.text()).isTrue();
	}

	@Test
	void the_lint_rejects_an_implicit_join_and_a_model_without_a_diagram() {
		NodePackages.Output lint = lint(List.of(Path.of("src", "test", "resources", "lint", "FakeJoin.bpmn")));

		assertThat(lint.succeeded()).isFalse();
		assertThat(lint.text()).contains("fake-join").contains("no-bpmndi");
	}

	private static NodePackages.Output lint(List<Path> models) {
		NodePackages.assumeNodeAvailable();
		NodePackages.install(LINTER, "bpmnlint");
		List<String> command = new ArrayList<>(List.of("node", "node_modules/bpmnlint/bin/bpmnlint.js", "--config",
				PROCESSES.resolve(".bpmnlintrc").toAbsolutePath().toString(), "--max-warnings=0"));
		models.forEach(model -> command.add(model.toAbsolutePath().toString()));
		return NodePackages.run(LINTER, command);
	}
}
