package org.opennrm.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.opennrm.casework.OpenCase;
import org.opennrm.test.Api;
import org.opennrm.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every user task can be completed through our API with a typed body, and its Camunda Form in Tasklist asks for
 * exactly the fields of that body: the two paths cannot drift apart.
 */
@IntegrationTest
class TaskFormsIT {

	static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	List<TaskForm<?>> forms;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	Api api;

	@Test
	void every_user_task_has_a_typed_body_whose_fields_are_exactly_its_camunda_forms_fields() throws IOException {
		Map<String, TaskForm<?>> byTask = this.forms.stream()
			.collect(Collectors.toMap(form -> form.processKey() + "/" + form.taskKey(), form -> form));
		Set<String> seen = new HashSet<>();
		for (ProcessDefinition definition : this.repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
			BpmnModelInstance model = this.repositoryService.getBpmnModelInstance(definition.getId());
			for (UserTask task : model.getModelElementsByType(UserTask.class)) {
				String key = definition.getKey() + "/" + task.getId();
				TaskForm<?> form = byTask.get(key);
				assertThat(form).as("typed body for %s", key).isNotNull();
				assertThat(formFields(definition, task.getCamundaFormRef())).as("fields of form %s", task.getCamundaFormRef())
					.isEqualTo(components(form.type()));
				seen.add(key);
			}
			for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
				if ("OpenCase".equals(start.getCamundaFormRef())) {
					assertThat(formFields(definition, "OpenCase")).isEqualTo(components(OpenCase.class));
				}
			}
		}
		assertThat(byTask.keySet()).as("no body without a task").isEqualTo(seen);
	}

	@Test
	void the_api_description_names_every_task_body() {
		JsonNode description = this.api.as("demo-social").get("/v3/api-docs").json();
		JsonNode body = description.at("/paths/~1api~1tasks~1{taskId}~1complete/post/requestBody/content/application~1json/schema/oneOf");

		assertThat(body.findValuesAsText("$ref").stream().map(ref -> ref.substring(ref.lastIndexOf('/') + 1)))
			.containsExactlyInAnyOrderElementsOf(this.forms.stream().map(TaskForm::schemaName).toList());
		assertThat(description.at("/components/schemas/ScreenIndicators/properties").has("observedIndicators")).isTrue();
	}

	private Set<String> formFields(ProcessDefinition definition, String formId) throws IOException {
		String folder = definition.getResourceName().substring(0, definition.getResourceName().lastIndexOf('/') + 1);
		try (InputStream in = this.repositoryService.getResourceAsStream(definition.getDeploymentId(),
				folder + formId + ".form")) {
			JsonNode form = JSON.readTree(in);
			assertThat(form.path("id").asText()).isEqualTo(formId);
			return form.findValues("key").stream().map(JsonNode::asText).collect(Collectors.toCollection(TreeSet::new));
		}
	}

	private static Set<String> components(Class<? extends Record> type) {
		return Arrays.stream(type.getRecordComponents()).map(component -> component.getName())
			.collect(Collectors.toCollection(TreeSet::new));
	}
}
