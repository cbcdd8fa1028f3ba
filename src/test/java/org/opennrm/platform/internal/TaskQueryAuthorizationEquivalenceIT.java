package org.opennrm.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.runtime.VariableInstanceQuery;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.cases.CaseVariables;
import org.opennrm.casework.NrmCaseProcess;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.security.RunAs;
import org.opennrm.test.Api;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.IntegrationTest;
import org.opennrm.test.TestUsers;
import org.opennrm.test.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's task query with our {@code EXISTS} authorization check (ADR 30) finds exactly what the engine's own
 * statement finds: for every role, for every query shape Tasklist sends (its group filters extended with its sorting,
 * paging, search by variables and its counts, and the ad-hoc criteria of the engine's task API: candidates,
 * assignees, or-queries, definitions, dates, variables), the same tasks in the same order and the same counts. Each
 * comparison runs the query twice, once through our statements and once through the engine's.
 * <p>
 * Grants of every kind take part: per task (candidate groups' and assignees' rows the engine writes), per process
 * definition key ({@code READ_TASK}, given here to one user) and for any resource ({@code *}, supervisors and
 * administrators), and a user with no grant at all.
 * <p>
 * The engine's variable query, which Tasklist sends with each list for the variables its filters show, is compared
 * the same way (its shapes below, and the variables embedded in Tasklist's lists), and so is the list of groups
 * holding any grant, which the engine reads before each check.
 */
@IntegrationTest
class TaskQueryAuthorizationEquivalenceIT {

	static final List<String> USERS = List.of("demo-police", "demo-social", "demo-health", "demo-ngo",
			"demo-authority", "demo-guardian", "demo-coordinator", "demo-supervisor", "demo-auditor", "demo-admin",
			"equivalence-definition-reader", "equivalence-nobody");

	@Autowired
	ProcessEngineConfiguration engineConfiguration;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	FilterService filterService;

	@Autowired
	IdentityService identityService;

	@Autowired
	AuthorizationService authorizationService;

	@Autowired
	RunAs runAs;

	@Autowired
	CaseJourney journey;

	@Autowired
	Api api;

	String reference;

	final List<String> grants = new ArrayList<>();

	@BeforeEach
	void tasksOfSeveralGroupsClaimedAndNot() {
		this.reference = this.journey.open("demo-police", CaseJourney.ADULT_BY_POLICE);
		this.journey.complete("demo-police", this.reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS,
				CaseJourney.ADULT_LABOUR_INDICATORS);
		this.journey.open("demo-ngo", CaseJourney.ADULT_BY_NGO);
		String confirm = this.journey.task("demo-police", this.reference,
				VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME).path("id").asText();
		this.runAs.user("demo-police", () -> this.taskService.claim(confirm, "demo-police"));

		// A user who reads the tasks and instances of one process by its key, and a user with no grant at all.
		user("equivalence-definition-reader");
		user("equivalence-nobody");
		Authorization byKey = this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		byKey.setUserId("equivalence-definition-reader");
		byKey.setResource(Resources.PROCESS_DEFINITION);
		byKey.setResourceId(VictimIdentificationProcess.KEY);
		byKey.addPermission(ProcessDefinitionPermissions.READ_TASK);
		byKey.addPermission(ProcessDefinitionPermissions.READ_INSTANCE);
		this.grants.add(this.authorizationService.saveAuthorization(byKey).getId());
		// ... and one task of another process by its id.
		String other = this.taskService.createTaskQuery().processDefinitionKey(NrmCaseProcess.KEY).listPage(0, 1)
			.stream().map(Task::getId).findFirst().orElse(null);
		if (other != null) {
			Authorization byId = this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			byId.setUserId("equivalence-definition-reader");
			byId.setResource(Resources.TASK);
			byId.setResourceId(other);
			byId.addPermission(TaskPermissions.READ);
			this.grants.add(this.authorizationService.saveAuthorization(byId).getId());
		}
	}

	@AfterEach
	void removeGrants() {
		this.grants.forEach(this.authorizationService::deleteAuthorization);
		this.grants.clear();
		useExists(true);
	}

	@Test
	void every_query_shape_finds_the_same_tasks_and_counts_for_every_user_as_the_engines_own_statement() {
		assertThat(engine().getDbSqlSessionFactory().mapStatement("selectTaskByQueryCriteria"))
			.as("the engine runs our statement").isEqualTo(TaskQueryAuthorizationOverlay.ours("selectTaskByQueryCriteria"));
		Map<String, Long> seen = new LinkedHashMap<>();
		for (String user : USERS) {
			List<String> groups = this.identityService.createGroupQuery().groupMember(user).list().stream()
				.map(group -> group.getId()).toList();
			shapes(user, groups).forEach((shape, query) -> {
				Result exists = this.runAs.user(user, () -> run(query));
				Result stock = withEnginesStatements(() -> this.runAs.user(user, () -> run(query)));
				assertThat(exists).as("%s, %s", user, shape).isEqualTo(stock);
				seen.merge(user, exists.count(), Long::sum);
			});
			for (Filter filter : this.runAs.user(user, () -> this.filterService.createTaskFilterQuery().listPage(0, 100))) {
				for (Function<TaskQuery, TaskQuery> extension : tasklistExtensions()) {
					Supplier<Result> viaFilter = () -> {
						TaskQuery extending = extension.apply(this.taskService.createTaskQuery()).orderByTaskId().asc();
						return new Result(this.filterService.count(filter.getId(), extending),
								ids(this.filterService.listPage(filter.getId(), extending, 0, 15)),
								ids(this.filterService.listPage(filter.getId(), extending, 15, 15)));
					};
					Result exists = this.runAs.user(user, viaFilter);
					Result stock = withEnginesStatements(() -> this.runAs.user(user, viaFilter));
					assertThat(exists).as("%s, filter %s", user, filter.getName()).isEqualTo(stock);
				}
			}
		}
		assertThat(seen.get("demo-police")).as("a caseworker's comparisons are not between empty lists").isPositive();
		assertThat(seen.get("demo-supervisor")).as("grants on any task are compared").isPositive();
		assertThat(seen.get("equivalence-definition-reader")).as("grants by process key are compared").isPositive();
		assertThat(seen.get("equivalence-nobody")).as("no grant, no task").isZero();
	}

	@Test
	void every_variable_query_shape_finds_the_same_variables_and_counts_for_every_user_as_the_engines_own_statement() {
		for (String statement : List.of("selectVariableInstanceByQueryCriteria", "selectVariableInstanceCountByQueryCriteria")) {
			assertThat(engine().getDbSqlSessionFactory().mapStatement(statement)).as("the engine runs our %s", statement)
				.isEqualTo(TaskQueryAuthorizationOverlay.ours(statement));
		}
		Map<String, Long> seen = new LinkedHashMap<>();
		for (String user : USERS) {
			variableShapes(user).forEach((shape, query) -> {
				Result exists = this.runAs.user(user, () -> runVariables(query));
				Result stock = withEnginesStatements(() -> this.runAs.user(user, () -> runVariables(query)));
				assertThat(exists).as("%s, %s", user, shape).isEqualTo(stock);
				seen.merge(user, exists.count(), Long::sum);
			});
		}
		assertThat(seen.get("demo-police")).as("a caseworker's comparisons are not between empty lists").isPositive();
		assertThat(seen.get("demo-supervisor")).as("grants on any resource are compared").isPositive();
		assertThat(seen.get("equivalence-definition-reader")).as("grants by process key are compared").isPositive();
		assertThat(seen.get("equivalence-nobody")).as("no grant, no variable").isZero();
	}

	@Test
	void tasklist_over_the_webapps_engine_api_lists_and_counts_the_same_with_our_statement_and_the_engines() {
		long variablesShown = 0;
		for (String user : List.of("demo-police", "demo-ngo", "demo-supervisor", "demo-coordinator")) {
			WebappSession tasklist = WebappSession.signIn(this.api, "tasklist", user, Api.DEMO_PASSWORD);
			JsonNode filters = tasklist.getJson("/camunda/api/engine/engine/default/filter?resourceType=Task&firstResult=0&maxResults=100");
			assertThat(filters.isArray() && filters.size() > 0).as("%s has Tasklist filters: %s", user, filters).isTrue();
			for (JsonNode filter : filters) {
				String id = filter.path("id").asText();
				for (String body : tasklistBodies()) {
					TasklistPage exists = tasklistPage(tasklist, id, body);
					TasklistPage stock = withEnginesStatements(() -> tasklistPage(tasklist, id, body));
					assertThat(exists).as("%s, filter %s, %s", user, filter.path("name").asText(), body).isEqualTo(stock);
					variablesShown += exists.variablesShown();
				}
			}
		}
		assertThat(variablesShown).as("Tasklist's lists show variables, so the variable query is compared too").isPositive();
	}

	/** One page of a filter as Tasklist shows it: the count, and each task's id with its embedded variables. */
	private record TasklistPage(long count, List<String> tasks, int variablesShown) {
	}

	/**
	 * One page of a filter as Tasklist asks for it (HAL list, then the filter's count): each task's id with the
	 * name=value of the variables embedded in it.
	 */
	private static TasklistPage tasklistPage(WebappSession tasklist, String filterId, String tasklistBody) {
		String body = tasklistBody.substring(0, tasklistBody.length() - 2) + ",{\"sortBy\":\"id\",\"sortOrder\":\"asc\"}]}";
		Api.Response list = tasklist.postForHal("/camunda/api/engine/engine/default/filter/" + filterId
				+ "/list?firstResult=0&maxResults=15", body);
		Api.Response count = tasklist.post("/camunda/api/engine/engine/default/filter/" + filterId + "/count", body);
		assertThat(list.status()).as("list %s for %s", list, body).isEqualTo(200);
		assertThat(count.status()).as("count %s for %s", count, body).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		int variables = 0;
		JsonNode json = list.json();
		for (JsonNode task : json.has("_embedded") ? json.path("_embedded").path("task") : json) {
			StringBuilder shown = new StringBuilder(task.path("id").asText());
			for (JsonNode variable : task.path("_embedded").path("variable")) {
				shown.append(' ').append(variable.path("name").asText()).append('=').append(variable.path("value").asText());
				variables++;
			}
			ids.add(shown.toString());
		}
		return new TasklistPage(count.json().path("count").asLong(), ids, variables);
	}

	/**
	 * What Tasklist sends when it opens a filter: its sortings, a search on the case reference, an or-search. Each
	 * sorting ends with the task id so that equal sort keys cannot reorder a page between two correct statements.
	 */
	private List<String> tasklistBodies() {
		return List.of(
				"{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
						+ "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}",
				"{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
						+ "\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"},{\"sortBy\":\"priority\",\"sortOrder\":\"desc\"}]}",
				"{\"processVariables\":[{\"name\":\"" + CaseVariables.CASE_REFERENCE + "\",\"operator\":\"eq\",\"value\":\""
						+ this.reference + "\"}],\"taskVariables\":[],\"caseInstanceVariables\":[],"
						+ "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}",
				"{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
						+ "\"sorting\":[{\"sortBy\":\"processVariable\",\"sortOrder\":\"asc\",\"parameters\":"
						+ "{\"variable\":\"" + CaseVariables.CASE_REFERENCE + "\",\"type\":\"String\"}}]}",
				"{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],\"orQueries\":[{"
						+ "\"nameLike\":\"%screen%\",\"taskDefinitionKey\":\""
						+ VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME + "\"}],"
						+ "\"sorting\":[{\"sortBy\":\"name\",\"sortOrder\":\"asc\"}]}");
	}

	/** How Tasklist extends a saved filter's query: its sort orders, a search by variable, a search by name. */
	private List<Function<TaskQuery, TaskQuery>> tasklistExtensions() {
		return List.of(query -> query.orderByTaskCreateTime().desc(),
				query -> query.orderByDueDate().asc().orderByTaskPriority().desc(),
				query -> query.processVariableValueEquals(CaseVariables.CASE_REFERENCE, this.reference)
					.orderByTaskCreateTime().desc(),
				query -> query.taskVariableValueLike(CaseVariables.CASE_REFERENCE, "%-2026-%").orderByTaskName().asc(),
				query -> query.orderByProcessVariable(CaseVariables.CASE_REFERENCE,
						org.camunda.bpm.engine.variable.type.ValueType.STRING).asc());
	}

	/** The ad-hoc shapes of the engine's task API and Tasklist's filters, each a fresh query. */
	private Map<String, Supplier<TaskQuery>> shapes(String user, List<String> groups) {
		Map<String, Supplier<TaskQuery>> shapes = new LinkedHashMap<>();
		List<String> someGroups = groups.isEmpty() ? List.of("police") : groups;
		shapes.put("all tasks", () -> this.taskService.createTaskQuery());
		shapes.put("all, by due date and priority", () -> this.taskService.createTaskQuery().orderByDueDate().asc()
			.orderByTaskPriority().desc().orderByTaskCreateTime().asc());
		shapes.put("my group's tasks (Tasklist's filter)", () -> this.taskService.createTaskQuery()
			.taskCandidateGroupIn(someGroups).includeAssignedTasks().orderByDueDate().asc());
		shapes.put("unclaimed for my groups", () -> this.taskService.createTaskQuery().taskCandidateGroupIn(someGroups));
		shapes.put("candidate user", () -> this.taskService.createTaskQuery().taskCandidateUser(user)
			.orderByTaskCreateTime().desc());
		shapes.put("candidate user, assigned included", () -> this.taskService.createTaskQuery().taskCandidateUser(user)
			.includeAssignedTasks());
		shapes.put("assigned to me", () -> this.taskService.createTaskQuery().taskAssignee(user));
		shapes.put("unassigned", () -> this.taskService.createTaskQuery().taskUnassigned().orderByTaskName().asc());
		shapes.put("involved", () -> this.taskService.createTaskQuery().taskInvolvedUser(user));
		shapes.put("mine or my groups' (our task list)", () -> this.taskService.createTaskQuery().or()
			.taskAssignee(user).taskCandidateGroupIn(someGroups).endOr().orderByTaskPriority().desc().orderByDueDate()
			.asc().orderByTaskCreateTime().asc());
		shapes.put("or: name like or definition key", () -> this.taskService.createTaskQuery().or()
			.taskNameLike("%creen%").processDefinitionKey(NrmCaseProcess.KEY).endOr());
		shapes.put("with candidate groups", () -> this.taskService.createTaskQuery().withCandidateGroups());
		shapes.put("without candidate groups", () -> this.taskService.createTaskQuery().withoutCandidateGroups());
		shapes.put("task definition key", () -> this.taskService.createTaskQuery()
			.taskDefinitionKey(VictimIdentificationProcess.TASK_SCREEN_INDICATORS));
		shapes.put("process definition key", () -> this.taskService.createTaskQuery()
			.processDefinitionKey(VictimIdentificationProcess.KEY).orderByProcessInstanceId().asc());
		shapes.put("due before", () -> this.taskService.createTaskQuery().dueBefore(new Date(4_102_444_800_000L)));
		shapes.put("created before now", () -> this.taskService.createTaskQuery().taskCreatedBefore(new Date())
			.orderByTaskCreateTime().asc());
		shapes.put("process variable equals", () -> this.taskService.createTaskQuery()
			.processVariableValueEquals(CaseVariables.CASE_REFERENCE, this.reference));
		shapes.put("task variable like", () -> this.taskService.createTaskQuery()
			.taskVariableValueLike(CaseVariables.CASE_REFERENCE, "%").orderByTaskCreateTime().asc());
		shapes.put("sorted by a process variable", () -> this.taskService.createTaskQuery()
			.orderByProcessVariable(CaseVariables.CASE_REFERENCE, org.camunda.bpm.engine.variable.type.ValueType.STRING)
			.asc());
		shapes.put("active", () -> this.taskService.createTaskQuery().active().orderByTaskAssignee().asc());
		return shapes;
	}

	/**
	 * The variable query's shapes: what Tasklist asks for the tasks of a page (their variables and their process
	 * instances', by name), the engine API's criteria, and everything.
	 */
	private Map<String, Supplier<VariableInstanceQuery>> variableShapes(String user) {
		List<Task> page = this.runAs.user(user,
				() -> this.taskService.createTaskQuery().orderByTaskCreateTime().desc().listPage(0, 15));
		List<String> scopes = new ArrayList<>();
		page.forEach(task -> {
			scopes.add(task.getId());
			scopes.add(task.getExecutionId());
			scopes.add(task.getProcessInstanceId());
		});
		scopes.add("equivalence-no-such-scope");
		List<String> instances = this.runtimeService.createProcessInstanceQuery().listPage(0, 50).stream()
			.map(instance -> instance.getId()).toList();
		List<String> tasks = this.taskService.createTaskQuery().listPage(0, 50).stream().map(Task::getId).toList();
		Map<String, Supplier<VariableInstanceQuery>> shapes = new LinkedHashMap<>();
		shapes.put("all variables", () -> this.runtimeService.createVariableInstanceQuery());
		shapes.put("Tasklist's: the page's tasks and instances, by name", () -> this.runtimeService
			.createVariableInstanceQuery().variableScopeIdIn(scopes.toArray(String[]::new))
			.variableNameIn(CaseVariables.CASE_REFERENCE));
		shapes.put("by name", () -> this.runtimeService.createVariableInstanceQuery()
			.variableName(CaseVariables.CASE_REFERENCE));
		shapes.put("by value", () -> this.runtimeService.createVariableInstanceQuery()
			.variableValueEquals(CaseVariables.CASE_REFERENCE, this.reference));
		shapes.put("by process instances", () -> this.runtimeService.createVariableInstanceQuery()
			.processInstanceIdIn(instances.toArray(String[]::new)));
		shapes.put("by tasks", () -> this.runtimeService.createVariableInstanceQuery()
			.taskIdIn(tasks.toArray(String[]::new)));
		shapes.put("name like", () -> this.runtimeService.createVariableInstanceQuery().variableNameLike("%e%"));
		return shapes;
	}

	private record Result(long count, List<String> all, List<String> page) {
	}

	/**
	 * Count, everything and a page from the middle, in the engine's default order (by id, so that two correct statements
	 * cannot order them differently; the query's other orders do not end with the id).
	 */
	private static Result runVariables(Supplier<VariableInstanceQuery> query) {
		return new Result(query.get().count(), variableIds(query.get().listPage(0, 2000)),
				variableIds(query.get().listPage(3, 4)));
	}

	private static List<String> variableIds(List<VariableInstance> variables) {
		return variables.stream().map(VariableInstance::getId).toList();
	}

	/**
	 * Count, everything, and a page from the middle. The task id ends every order (as the engine's own default order
	 * does), so that tasks with equal sort keys cannot come back in a different order from two correct statements.
	 */
	private static Result run(Supplier<TaskQuery> query) {
		return new Result(query.get().count(), ids(query.get().orderByTaskId().asc().listPage(0, 2000)),
				ids(query.get().orderByTaskId().asc().listPage(3, 4)));
	}

	private static List<String> ids(List<Task> tasks) {
		return tasks.stream().map(Task::getId).toList();
	}

	private void useExists(boolean exists) {
		TaskQueryAuthorizationOverlay.use(engine().getDbSqlSessionFactory(), exists);
	}

	/** What the engine's own statements answer, ours put back afterwards whatever happens. */
	private <T> T withEnginesStatements(Supplier<T> call) {
		return withEnginesStatements(engine(), call);
	}

	/** What the engine's own statements answer, ours put back afterwards whatever happens. */
	static <T> T withEnginesStatements(ProcessEngineConfigurationImpl engine, Supplier<T> call) {
		TaskQueryAuthorizationOverlay.use(engine.getDbSqlSessionFactory(), false);
		try {
			return call.get();
		}
		finally {
			TaskQueryAuthorizationOverlay.use(engine.getDbSqlSessionFactory(), true);
		}
	}

	private ProcessEngineConfigurationImpl engine() {
		return (ProcessEngineConfigurationImpl) this.engineConfiguration;
	}

	private void user(String id) {
		TestUsers.ensureWithPassword(this.identityService, id, "Xk7#vQ2-pL9!mZ");
	}
}
