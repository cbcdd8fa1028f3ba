package org.opennrm.security.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.opennrm.platform.StartupOrder;
import org.opennrm.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Brings the identity store and the engine's authorizations to the state this service needs, at every start and
 * idempotently: one group per {@link Role}, the grants of {@link EngineGrants}, and a shared "My group's tasks"
 * Tasklist filter per group. It only adds what is missing; what an administrator added in Admin stays.
 */
@Component
@Order(StartupOrder.ACCESS)
class EngineAccessSetup implements ApplicationRunner {

	static final String GROUP_FILTER_NAME = "My group's tasks";

	static final String FILTER_GROUP_PROPERTY = "nrmGroup";

	private static final Logger log = LoggerFactory.getLogger(EngineAccessSetup.class);

	private final IdentityService identityService;

	private final AuthorizationService authorizationService;

	private final RepositoryService repositoryService;

	private final FilterService filterService;

	private final TaskService taskService;

	EngineAccessSetup(IdentityService identityService, AuthorizationService authorizationService,
			RepositoryService repositoryService, FilterService filterService, TaskService taskService) {
		this.identityService = identityService;
		this.authorizationService = authorizationService;
		this.repositoryService = repositoryService;
		this.filterService = filterService;
		this.taskService = taskService;
	}

	@Override
	public void run(ApplicationArguments args) {
		Arrays.stream(Role.values()).forEach(this::ensureGroup);
		EngineGrants.fixed().forEach(this::ensure);
		EngineGrants.starters(starterGroupsByProcessKey()).forEach(this::ensure);
		EngineGrants.tasklistRoles().forEach(this::ensureGroupFilter);
		log.info("Engine groups, authorizations and Tasklist filters are in place");
	}

	private void ensureGroup(Role role) {
		if (this.identityService.createGroupQuery().groupId(role.groupId()).count() > 0) {
			return;
		}
		Group group = this.identityService.newGroup(role.groupId());
		group.setName(role.displayName());
		group.setType(role.isAgency() ? "AGENCY" : "SYSTEM");
		this.identityService.saveGroup(group);
	}

	/** Creates the grant, or adds the permissions it lacks; never removes a permission. */
	void ensure(Grant grant) {
		List<Authorization> existing = this.authorizationService.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(grant.groupId())
			.resourceType(grant.resource())
			.resourceId(grant.resourceId())
			.listPage(0, 1);
		Authorization authorization;
		if (existing.isEmpty()) {
			authorization = this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setGroupId(grant.groupId());
			authorization.setResource(grant.resource());
			authorization.setResourceId(grant.resourceId());
		}
		else {
			authorization = existing.get(0);
			if (grant.permissions().stream().allMatch(authorization::isPermissionGranted)) {
				return;
			}
		}
		grant.permissions().forEach(authorization::addPermission);
		this.authorizationService.saveAuthorization(authorization);
	}

	private Map<String, Set<String>> starterGroupsByProcessKey() {
		Map<String, Set<String>> starters = new LinkedHashMap<>();
		List<ProcessDefinition> definitions = this.repositoryService.createProcessDefinitionQuery()
			.latestVersion()
			.orderByProcessDefinitionKey()
			.asc()
			.listPage(0, 1000);
		for (ProcessDefinition definition : definitions) {
			Process process = this.repositoryService.getBpmnModelInstance(definition.getId())
				.getModelElementById(definition.getKey());
			String groups = process == null ? null : process.getCamundaCandidateStarterGroups();
			if (groups != null && !groups.isBlank()) {
				Set<String> ids = new TreeSet<>();
				Arrays.stream(groups.split(",")).map(String::trim).filter(id -> !id.isEmpty()).forEach(ids::add);
				starters.put(definition.getKey(), ids);
			}
		}
		return starters;
	}

	/**
	 * Stored queries may not hold expressions (a security setting), so "my group's tasks" is one filter per group,
	 * fixed to that group as candidate and readable only by it. It includes the group's tasks already claimed, so a
	 * worker's own claimed tasks stay in view.
	 */
	private void ensureGroupFilter(Role role) {
		Filter filter = this.filterService.createTaskFilterQuery()
			.filterName(GROUP_FILTER_NAME)
			.listPage(0, 100)
			.stream()
			.filter(candidate -> role.groupId().equals(propertyOf(candidate)))
			.findFirst()
			.orElse(null);
		if (filter == null) {
			filter = this.filterService.newTaskFilter(GROUP_FILTER_NAME);
			filter.setQuery(this.taskService.createTaskQuery()
				.taskCandidateGroup(role.groupId())
				.includeAssignedTasks()
				.orderByDueDate()
				.asc());
			filter.setProperties(Map.of("description", "Tasks for " + role.displayName(), "priority", -10,
					"refresh", true, FILTER_GROUP_PROPERTY, role.groupId()));
			filter = this.filterService.saveFilter(filter);
		}
		ensure(new Grant(role.groupId(), Resources.FILTER, filter.getId(), List.<Permission>of(Permissions.READ)));
	}

	private static Object propertyOf(Filter filter) {
		Map<String, Object> properties = filter.getProperties();
		return properties == null ? null : properties.get(FILTER_GROUP_PROPERTY);
	}
}
