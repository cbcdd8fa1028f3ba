package org.opennrm.security.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.opennrm.cases.CaseVariables;
import org.opennrm.i18n.ProcessTexts;
import org.opennrm.platform.ProcessModels;
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

	private final ProcessModels processModels;

	private final FilterService filterService;

	private final TaskService taskService;

	EngineAccessSetup(IdentityService identityService, AuthorizationService authorizationService,
			ProcessModels processModels, FilterService filterService, TaskService taskService) {
		this.identityService = identityService;
		this.authorizationService = authorizationService;
		this.processModels = processModels;
		this.filterService = filterService;
		this.taskService = taskService;
	}

	@Override
	public void run(ApplicationArguments args) {
		Arrays.stream(Role.values()).forEach(this::ensureGroup);
		List<Grant> grants = new ArrayList<>(EngineGrants.fixed());
		grants.addAll(EngineGrants.starters(this.processModels.candidateStarterGroups()));
		EngineGrants.tasklistRoles().forEach(role -> grants.add(groupFilterGrant(role)));
		ensureAll(grants);
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

	/**
	 * Creates each grant, or adds the permissions it lacks; never removes a permission. Reads the existing grants of
	 * these groups once, so a restart with nothing to add costs one query.
	 */
	void ensureAll(List<Grant> grants) {
		String[] groups = grants.stream().map(Grant::groupId).distinct().toArray(String[]::new);
		Map<String, Authorization> existing = new HashMap<>();
		this.authorizationService.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(groups)
			.listPage(0, 5000)
			.forEach(authorization -> existing.put(key(authorization.getGroupId(), authorization.getResourceType(),
					authorization.getResourceId()), authorization));
		for (Grant grant : grants) {
			Authorization authorization = existing.get(key(grant.groupId(), grant.resource().resourceType(),
					grant.resourceId()));
			if (authorization == null) {
				authorization = this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
				authorization.setGroupId(grant.groupId());
				authorization.setResource(grant.resource());
				authorization.setResourceId(grant.resourceId());
			}
			else if (grant.permissions().stream().allMatch(authorization::isPermissionGranted)) {
				continue;
			}
			grant.permissions().forEach(authorization::addPermission);
			existing.put(key(grant.groupId(), grant.resource().resourceType(), grant.resourceId()),
					this.authorizationService.saveAuthorization(authorization));
		}
	}

	private static String key(String groupId, int resourceType, String resourceId) {
		return groupId + "|" + resourceType + "|" + resourceId;
	}

	/**
	 * Stored queries may not hold expressions (a security setting), so "my group's tasks" is one filter per group,
	 * fixed to that group as candidate and readable only by it. It includes the group's tasks already claimed, so a
	 * worker's own claimed tasks stay in view.
	 */
	private Grant groupFilterGrant(Role role) {
		Filter filter = this.filterService.createTaskFilterQuery()
			.filterName(GROUP_FILTER_NAME)
			.listPage(0, 100)
			.stream()
			.filter(candidate -> role.groupId().equals(propertyOf(candidate)))
			.findFirst()
			.orElse(null);
		Map<String, Object> properties = Map.of("description", "Tasks for " + role.displayName(), "priority", -10,
				"refresh", true, FILTER_GROUP_PROPERTY, role.groupId(),
				// Shown on every task card; tasks carry their case reference as a task variable.
				"variables", List.of(Map.of("name", CaseVariables.CASE_REFERENCE, "label", "Case")),
				// Name and description in the reader's language (the engine's answers are translated as they leave).
				ProcessTexts.FILTER_TEXT, "filter.group", ProcessTexts.FILTER_TEXT_ARGUMENTS,
				List.of(ProcessTexts.GROUP_ARGUMENT + role.groupId()));
		if (filter == null) {
			filter = this.filterService.newTaskFilter(GROUP_FILTER_NAME);
			filter.setQuery(this.taskService.createTaskQuery()
				.taskCandidateGroup(role.groupId())
				.includeAssignedTasks()
				.orderByDueDate()
				.asc());
			filter.setProperties(properties);
			filter = this.filterService.saveFilter(filter);
		}
		else if (!properties.equals(filter.getProperties())) {
			filter.setProperties(properties);
			filter = this.filterService.saveFilter(filter);
		}
		return new Grant(role.groupId(), Resources.FILTER, filter.getId(), List.<Permission>of(Permissions.READ));
	}

	private static Object propertyOf(Filter filter) {
		Map<String, Object> properties = filter.getProperties();
		return properties == null ? null : properties.get(FILTER_GROUP_PROPERTY);
	}
}
