package org.opennrm.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.Escalation;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.Signal;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;

/**
 * The English catalogues of what the engine shows say what the models say: every name in a process model and every
 * text of a Camunda Form ({@code config/i18n/processes.properties}), and every title and item of an indicator
 * checklist ({@code config/i18n/indicators.properties}), read here from the models themselves. A model changed
 * without its catalogue fails here, and the test writes the catalogue as the models now say it to
 * {@code target/i18n/}, so the change shows in a diff (and the other languages' translators know what to redo).
 */
class ModelTextsTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final List<String> FORM_TEXTS = List.of("label", "description", "text", "placeholder");

	@Test
	void the_process_catalogue_says_what_the_models_and_forms_say() throws IOException {
		Map<String, String> expected = new TreeMap<>();
		try (Stream<Path> files = Files.walk(Path.of("processes"))) {
			for (Path file : files.sorted().toList()) {
				String name = file.getFileName().toString();
				if (name.endsWith(".bpmn")) {
					bpmn(file, expected);
				}
				else if (name.endsWith(".dmn")) {
					Dmn.readModelFromFile(file.toFile())
						.getModelElementsByType(Decision.class)
						.forEach(decision -> expected.put("model." + decision.getId() + "." + decision.getId(),
								decision.getName()));
				}
				else if (name.endsWith(".form")) {
					JsonNode form = JSON.readTree(file.toFile());
					form(form.get("id").asText(), form, expected);
				}
			}
		}
		agree("processes.properties", expected);
	}

	@Test
	void the_indicator_catalogue_says_what_the_checklists_say() throws IOException {
		Map<String, String> expected = new TreeMap<>();
		try (Stream<Path> files = Files.list(Path.of("config", "indicators"))) {
			for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
				JsonNode list = JSON.readTree(file.toFile());
				String id = list.get("id").asText();
				expected.put("indicator." + id + ".title", list.get("title").asText());
				list.get("items")
					.forEach(item -> expected.put("indicator." + id + "." + item.get("code").asText(),
							item.get("label").asText()));
			}
		}
		agree("indicators.properties", expected);
	}

	private static void bpmn(Path file, Map<String, String> expected) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		String processKey = file.getFileName().toString().replace(".bpmn", "");
		assertThat(model.getModelElementsByType(Process.class)).extracting(Process::getId).contains(processKey);
		for (ModelElementInstance element : model.getModelElementsByType(BaseElement.class)) {
			// Messages, signals, errors and escalations are named for correlation, not for people.
			if (element instanceof Message || element instanceof Signal || element instanceof Error
					|| element instanceof Escalation) {
				continue;
			}
			String name = element.getAttributeValue("name");
			if (name != null && !name.isBlank()) {
				expected.put("model." + processKey + "." + ((BaseElement) element).getId(), name);
			}
		}
	}

	private static void form(String formId, JsonNode container, Map<String, String> expected) {
		for (JsonNode component : container.path("components")) {
			String prefix = "form." + formId + "." + component.get("id").asText() + ".";
			for (String text : FORM_TEXTS) {
				if (component.path(text).isTextual() && !component.get(text).asText().isBlank()) {
					expected.put(prefix + text, component.get(text).asText());
				}
			}
			component.path("values")
				.forEach(option -> expected.put(prefix + "option." + option.get("value").asText(),
						option.get("label").asText()));
			form(formId, component, expected);
		}
	}

	/** The English catalogue holds exactly these texts (apostrophes written as in every catalogue, doubled). */
	private static void agree(String catalogue, Map<String, String> expected) throws IOException {
		Map<String, String> written = new TreeMap<>();
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of("config", "i18n", catalogue), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		properties.forEach((code, text) -> written.put((String) code, ((String) text).replace("''", "'")));
		if (!written.equals(expected)) {
			Path fresh = Path.of("target", "i18n", catalogue);
			Files.createDirectories(fresh.getParent());
			StringBuilder out = new StringBuilder();
			expected.forEach((code, text) -> out.append(code)
				.append('=')
				.append(text.replace("\\", "\\\\").replace("\n", "\\n").replace("'", "''"))
				.append('\n'));
			Files.writeString(fresh, out, StandardCharsets.UTF_8);
		}
		assertThat(written).as("config/i18n/%s against the models (as they now say it: target/i18n/%s)", catalogue,
				catalogue)
			.containsExactlyInAnyOrderEntriesOf(expected);
	}
}
