package org.opennrm.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.opennrm.test.FormRules;
import org.opennrm.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each Camunda Form carries the constraints the server enforces for its task, so that Tasklist stops a caseworker
 * before they submit: the server's rules are read from the body's own Bean Validation metadata (composed constraints
 * included) and each must be on the form's field:
 * <ul>
 * <li>required ({@code @NotNull}, {@code @NotBlank}, {@code @NotEmpty}) as {@code validate.required};</li>
 * <li>{@code @Pattern} as {@code validate.pattern}, anchored ({@code ^(?:…)$}): form-js tests a pattern anywhere in
 * the value, Bean Validation against the whole of it;</li>
 * <li>{@code @Size} of a text as {@code maxLength}/{@code minLength}, {@code @Min}/{@code @Max} as {@code min}/{@code max};</li>
 * <li>the allowed options (an enum, a yes/no, an agency) as the field's values: none the server refuses.</li>
 * </ul>
 * Each field's id is {@code Field_<key>}: Tasklist's script places the server's answer next to the field by it.
 * Rules that compare fields or read the case (a reason required only when a decision departs) stay on the server,
 * whose answer Tasklist shows in words.
 */
@IntegrationTest
class FormConstraintsIT {

	static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	List<TaskForm<?>> forms;

	@Autowired
	List<StartForm<?>> startForms;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	Validator validator;

	@Test
	void every_form_carries_the_constraints_the_server_enforces_for_its_fields() throws IOException {
		Map<String, Class<? extends Record>> bodies = new LinkedHashMap<>();
		this.forms.forEach(form -> bodies.put(form.processKey() + "/" + form.taskKey(), form.type()));
		this.startForms.forEach(form -> bodies.put(form.processKey() + "/start", form.type()));
		List<String> missing = new ArrayList<>();
		int checked = 0;
		for (ProcessDefinition definition : this.repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
			BpmnModelInstance model = this.repositoryService.getBpmnModelInstance(definition.getId());
			Map<String, String> formOf = new LinkedHashMap<>();
			model.getModelElementsByType(UserTask.class)
				.forEach(task -> formOf.put(definition.getKey() + "/" + task.getId(), task.getCamundaFormRef()));
			model.getModelElementsByType(StartEvent.class)
				.stream()
				.filter(start -> start.getCamundaFormRef() != null)
				.forEach(start -> formOf.put(definition.getKey() + "/start", start.getCamundaFormRef()));
			for (Map.Entry<String, String> entry : formOf.entrySet()) {
				Class<? extends Record> body = bodies.get(entry.getKey());
				assertThat(body).as("typed body for %s", entry.getKey()).isNotNull();
				missing.addAll(compare(entry.getValue(), body, form(definition, entry.getValue())));
				checked++;
			}
		}
		assertThat(checked).as("forms checked").isGreaterThan(30);
		assertThat(missing).as("server constraints the forms do not carry").isEmpty();
	}

	private List<String> compare(String formId, Class<? extends Record> body, JsonNode form) {
		Map<String, JsonNode> byKey = new LinkedHashMap<>();
		form.path("components").forEach(component -> {
			if (component.has("key")) {
				byKey.put(component.path("key").asText(), component);
			}
		});
		List<String> missing = new ArrayList<>();
		for (RecordComponent component : body.getRecordComponents()) {
			if (component.isAnnotationPresent(DisplayOnly.class)) {
				continue;
			}
			String where = formId + "." + component.getName();
			JsonNode field = byKey.get(component.getName());
			if (field == null) {
				missing.add(where + ": no field");
				continue;
			}
			if (!field.path("id").asText().equals("Field_" + component.getName())) {
				missing.add(where + ": id is " + field.path("id").asText() + ", not Field_" + component.getName());
			}
			JsonNode validate = field.path("validate");
			FormRules.Rules rules = FormRules.of(this.validator, body, component);
			if (rules.required() && !validate.path("required").asBoolean(false)) {
				missing.add(where + ": required");
			}
			if (rules.pattern() != null && !FormRules.anchored(rules.pattern()).contains(validate.path("pattern").asText(""))) {
				missing.add(where + ": pattern " + FormRules.anchored(rules.pattern()).get(0) + ", form has " + validate.path("pattern"));
			}
			expectNumber(missing, where, validate, "maxLength", rules.maxLength());
			expectNumber(missing, where, validate, "minLength", rules.minLength());
			expectNumber(missing, where, validate, "min", rules.min());
			expectNumber(missing, where, validate, "max", rules.max());
			if (rules.options() != null && !field.has("valuesKey")) {
				Set<String> offered = new TreeSet<>();
				field.path("values").forEach(value -> offered.add(value.path("value").asText()));
				if (offered.isEmpty() || !rules.options().containsAll(offered)) {
					missing.add(where + ": options " + rules.options() + ", form offers " + offered);
				}
			}
		}
		return missing;
	}

	private static void expectNumber(List<String> missing, String where, JsonNode validate, String name, Long expected) {
		if (expected != null && (!validate.has(name) || validate.path(name).asLong() != expected)) {
			missing.add(where + ": " + name + " " + expected + ", form has " + validate.path(name));
		}
	}

	private JsonNode form(ProcessDefinition definition, String formId) throws IOException {
		String folder = definition.getResourceName().substring(0, definition.getResourceName().lastIndexOf('/') + 1);
		try (InputStream in = this.repositoryService.getResourceAsStream(definition.getDeploymentId(),
				folder + formId + ".form")) {
			return JSON.readTree(in);
		}
	}
}
