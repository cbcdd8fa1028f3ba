package org.opennrm.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opennrm.child.ChildProtectionProcess;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.test.Api;
import org.opennrm.test.BrowserScenarios;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.FormRules;
import org.opennrm.test.IntegrationTest;
import org.opennrm.test.SecondFactorCodes;
import org.opennrm.test.TestDatabase;
import org.opennrm.test.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every user task's Camunda Form in the real Tasklist, in headless Chromium, as a caseworker gets it wrong: each field
 * the server constrains is left empty where it is required, or given one value that breaks its pattern, length or
 * range. The form refuses each next to its field (or the service's answer is shown in words), and no task is
 * completed. Then a value only the service can judge, answered in words next to its field, with nothing changed.
 * <p>
 * A task of each type is made for the walk by starting its process at that task as the service would (no user, the
 * process's start listeners skipped), for a user of the task's group, on a case opened through our API. It runs on H2 only: what a form refuses in the browser does not depend on the database,
 * and the server's answers are tested on both databases (EngineSideDoorsIT, TaskApiIT).
 */
@IntegrationTest
class TaskFormsBrowserIT {

	static final ObjectMapper JSON = new ObjectMapper();

	static final List<String> GROUPS = List.of("police", "social", "health", "ngo", "authority", "guardian",
			"supervisor", "coordinator");

	@Autowired
	List<TaskForm<?>> forms;

	@Autowired
	Validator validator;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	IdentityService identityService;

	@Autowired
	CaseJourney journey;

	@Autowired
	Api api;

	@Autowired
	Environment environment;

	@Autowired
	JdbcTemplate jdbc;

	final List<String> started = new ArrayList<>();

	@AfterEach
	void cleanUp() {
		this.started.forEach(id -> this.runtimeService.deleteProcessInstanceIfExists(id, "form walk", true, true, true, false));
		GROUPS.forEach(group -> {
			this.identityService.deleteUser(userOf(group));
			// Their second factors (supervisor, coordinator) go with them, here and in the tests' authenticator app.
			this.jdbc.update("delete from nrm_recovery_code where user_id = ?", userOf(group));
			this.jdbc.update("delete from nrm_second_factor where user_id = ?", userOf(group));
			SecondFactorCodes.forget(this.api, userOf(group));
		});
	}

	@Test
	void every_task_form_refuses_each_invalid_value_next_to_its_field_and_completes_nothing() throws IOException {
		assumeFalse(TestDatabase.isPostgres(), "what a form refuses in the browser does not depend on the database");
		GROUPS.forEach(group -> TestUsers.ensure(this.identityService, userOf(group), group));
		String reference = this.journey.open("demo-police", CaseJourney.ADULT_BY_POLICE);
		Map<String, Object> variables = processVariables(this.journey.caseId(reference), reference);

		List<Map<String, Object>> walk = new ArrayList<>();
		for (TaskForm<?> form : this.forms) {
			// None of the form's own answers is given beforehand, or the form would show it filled in.
			Map<String, Object> given = new LinkedHashMap<>(variables);
			for (RecordComponent component : form.type().getRecordComponents()) {
				if (!component.isAnnotationPresent(DisplayOnly.class)) {
					given.remove(component.getName());
				}
			}
			ProcessInstance instance = this.runtimeService.createProcessInstanceByKey(form.processKey())
				.startBeforeActivity(form.taskKey())
				.setVariables(given)
				// The process's own start listeners (registering a case) are for a case that starts at its beginning.
				.execute(true, false);
			this.started.add(instance.getId());
			Task task = this.taskService.createTaskQuery()
				.processInstanceId(instance.getId())
				.taskDefinitionKey(form.taskKey())
				.singleResult();
			assertThat(task).as("a %s task", form.taskKey()).isNotNull();
			String user = task.getAssignee() != null ? task.getAssignee() : userOf(candidateGroup(task));
			this.taskService.claim(task.getId(), user);
			String formId = formIdOf(form);
			walk.add(Map.of("user", user, "taskId", task.getId(), "formId", formId, "checks",
					checks(form.type(), formJson(form.processKey(), formId))));
		}
		walk.sort(Comparator.comparing(entry -> (String) entry.get("user")));

		// Supervisors and the coordinator sign in with a second factor (issue 14); the walk reaches them minutes after
		// it starts, so it makes their codes itself from the tests' authenticator app's keys.
		String[] walkers = walk.stream().map(entry -> (String) entry.get("user")).distinct().toArray(String[]::new);
		Map<String, Map<String, Object>> codes = SecondFactorCodes.keysForBrowser(this.api, Api.DEMO_PASSWORD, walkers);
		JsonNode result;
		try {
			result = BrowserScenarios.run("tasklist-walk-forms",
					Map.of("baseUrl", baseUrl(), "password", Api.DEMO_PASSWORD, "tasks", walk, "codes", codes));
		}
		finally {
			SecondFactorCodes.usedUpToNextStep(this.api, walkers);
		}

		long expected = walk.stream().mapToLong(entry -> ((List<?>) entry.get("checks")).size()).sum();
		assertThat(result.path("checks").size()).as("every check answered").isEqualTo(expected);
		assertThat(expected).as("constrained fields walked").isGreaterThan(40);
		result.path("checks").forEach(check -> assertThat(check.path("text").asText())
			.as("%s: the refusal is words, not JSON", check)
			.isNotBlank()
			.doesNotContain("{\"")
			.doesNotContain("about:blank"));
		for (Map<String, Object> entry : walk) {
			assertThat(this.taskService.createTaskQuery().taskId((String) entry.get("taskId")).count())
				.as("%s stays open", entry.get("formId"))
				.isOne();
		}
	}

	@Test
	void a_value_only_the_service_can_judge_is_answered_in_words_next_to_its_field_and_changes_nothing() {
		assumeFalse(TestDatabase.isPostgres(), "the service's answer is tested on both databases by the API tests");
		String reference = this.journey.open("demo-police", CaseJourney.UNCERTAIN_AGE_CHILD);
		this.journey.complete("demo-police", reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS,
				CaseJourney.CHILD_LABOUR_INDICATORS);
		this.journey.complete("demo-police", reference, VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME,
				Api.body("presumedVictim", true));
		this.journey.complete("demo-authority", reference, VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS,
				Api.body("reasonableGrounds", "Positive"));
		String task = this.journey.task("demo-social", reference, ChildProtectionProcess.TASK_APPOINT_GUARDIAN)
			.path("id")
			.asText();
		assertThat(this.api.as("demo-social").post("/api/tasks/" + task + "/claim").status()).isEqualTo(204);
		Map<String, Object> before = this.taskService.getVariables(task);

		JsonNode answer = BrowserScenarios.run("tasklist-service-answers-in-words",
				Map.of("baseUrl", baseUrl(), "user", "demo-social", "password", Api.DEMO_PASSWORD, "taskId", task,
						"key", "guardianUserId", "value", "demo-police"));

		assertThat(answer.path("field").asText()).isEqualTo("must be a user in the guardians group");
		assertThat(answer.path("summary").asText()).contains("Nothing was saved").contains("Guardian");
		assertThat(this.taskService.createTaskQuery().taskId(task).count()).isOne();
		assertThat(this.taskService.getVariables(task)).isEqualTo(before);
	}

	/** One check per constrained field: empty where required; one value that breaks its pattern, length or range. */
	private List<Map<String, Object>> checks(Class<? extends Record> body, JsonNode form) {
		Map<String, JsonNode> fields = new LinkedHashMap<>();
		form.path("components").forEach(component -> {
			if (component.has("key") && !component.path("disabled").asBoolean(false)) {
				fields.put(component.path("key").asText(), component);
			}
		});
		List<Map<String, Object>> checks = new ArrayList<>();
		for (RecordComponent component : body.getRecordComponents()) {
			JsonNode field = fields.get(component.getName());
			if (field == null || field.has("conditional")) {
				continue;
			}
			FormRules.Rules rules = FormRules.of(this.validator, body, component);
			String key = component.getName();
			if (rules.required()) {
				checks.add(Map.of("key", key, "kind", "required"));
			}
			if (rules.pattern() != null) {
				checks.add(Map.of("key", key, "kind", "pattern", "value", "AP 2026/1!"));
			}
			if (rules.maxLength() != null && rules.pattern() == null) {
				checks.add(Map.of("key", key, "kind", "maxLength", "value", "A".repeat(rules.maxLength().intValue() + 1)));
			}
			if (rules.min() != null) {
				checks.add(Map.of("key", key, "kind", "min", "value", rules.min() - 1));
			}
			if (rules.max() != null) {
				checks.add(Map.of("key", key, "kind", "max", "value", rules.max() + 1));
			}
		}
		return checks;
	}

	private Map<String, Object> processVariables(String caseId, String reference) {
		Map<String, Object> variables = new LinkedHashMap<>(CaseJourney.ADULT_BY_POLICE);
		variables.put("caseId", caseId);
		variables.put("caseReference", reference);
		variables.put("jurisdiction", "coe");
		variables.put("competentAuthority", "authority");
		variables.put("receivingAgency", "ngo");
		variables.put("provider", "ngo");
		variables.put("guardianUserId", userOf("guardian"));
		// A transnational referral's consent: the proposing agency records an adult's, the child's guardian a child's.
		variables.put("proposingAgency", "social");
		variables.put("guardian", userOf("guardian"));
		variables.put("service", "Shelter");
		variables.put("isChild", false);
		variables.put("ageUncertain", false);
		return variables;
	}

	private String candidateGroup(Task task) {
		return this.taskService.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.sorted()
			.findFirst()
			.orElseThrow(() -> new AssertionError("no candidate group on " + task.getTaskDefinitionKey()));
	}

	private String formIdOf(TaskForm<?> form) {
		ProcessDefinition definition = latest(form.processKey());
		return this.repositoryService.getBpmnModelInstance(definition.getId())
			.getModelElementsByType(UserTask.class)
			.stream()
			.filter(task -> task.getId().equals(form.taskKey()))
			.map(UserTask::getCamundaFormRef)
			.findFirst()
			.orElseThrow();
	}

	private JsonNode formJson(String processKey, String formId) throws IOException {
		ProcessDefinition definition = latest(processKey);
		String folder = definition.getResourceName().substring(0, definition.getResourceName().lastIndexOf('/') + 1);
		try (InputStream in = this.repositoryService.getResourceAsStream(definition.getDeploymentId(),
				folder + formId + ".form")) {
			return JSON.readTree(in);
		}
	}

	private ProcessDefinition latest(String processKey) {
		return this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(processKey)
			.latestVersion()
			.singleResult();
	}

	private String baseUrl() {
		return "http://localhost:" + this.environment.getProperty("local.server.port");
	}

	private static String userOf(String group) {
		return "forms-" + group;
	}
}
