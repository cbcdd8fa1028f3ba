package org.opennrm.security.internal;

import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.OPERATION_LOG_CATEGORY;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.opennrm.security.internal.Grant.ANY;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.opennrm.security.Role;

/**
 * Every engine authorization this service grants, in one table. Caseworkers see, claim and complete only the tasks of
 * their candidate groups: the engine grants those per task (read and task work) when a task names a candidate group
 * (not for a task its process assigns to one person, {@code tasks.internal.PersonalTaskGrants}), so nothing here opens
 * tasks to a whole role. Who may start which process comes from each model's
 * {@code camunda:candidateStarterGroups}, so the diagram and the grant cannot disagree.
 */
final class EngineGrants {

	static final String TASKLIST = "tasklist";

	static final String COCKPIT = "cockpit";

	private EngineGrants() {
	}

	/** The grants that do not depend on deployed models. */
	static List<Grant> fixed() {
		List<Grant> grants = new ArrayList<>();
		for (Role worker : caseworkRoles()) {
			grants.add(Grant.of(worker, APPLICATION, TASKLIST, Permissions.ACCESS));
			// Process models are not case data: reading them shows a task's diagram in Tasklist.
			grants.add(Grant.of(worker, PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ));
		}

		// The national coordinator works escalations in Tasklist.
		grants.add(Grant.of(Role.COORDINATOR, APPLICATION, TASKLIST, Permissions.ACCESS));

		// Supervisors watch every case read-only in Cockpit and Tasklist.
		grants.add(Grant.of(Role.SUPERVISOR, APPLICATION, TASKLIST, Permissions.ACCESS));
		grants.add(Grant.of(Role.SUPERVISOR, APPLICATION, COCKPIT, Permissions.ACCESS));
		grants.add(Grant.of(Role.SUPERVISOR, PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
				ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
				ProcessDefinitionPermissions.READ_HISTORY));
		grants.add(Grant.of(Role.SUPERVISOR, PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ));
		// Supervisors reassign tasks (the supervisor workspace): assign only, never rewrite or complete them.
		grants.add(Grant.of(Role.SUPERVISOR, TASK, ANY, TaskPermissions.READ, TaskPermissions.TASK_ASSIGN));
		grants.add(Grant.of(Role.SUPERVISOR, DEPLOYMENT, ANY, Permissions.READ));
		grants.add(Grant.of(Role.SUPERVISOR, DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY));
		grants.add(Grant.of(Role.SUPERVISOR, DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));

		// Auditors read history only: no runtime instances, no tasks, nothing they could change.
		grants.add(Grant.of(Role.AUDITOR, PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
				ProcessDefinitionPermissions.READ_HISTORY));
		grants.add(Grant.of(Role.AUDITOR, DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY));
		grants.add(Grant.of(Role.AUDITOR, OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ));

		// Administrators: everything, on every resource type.
		for (Resource resource : Resources.values()) {
			grants.add(Grant.of(Role.ADMIN, resource, ANY, Permissions.ALL));
		}
		return grants;
	}

	/**
	 * Start rights from the models: each group a process names as candidate starter may read that process and start
	 * it.
	 */
	static List<Grant> starters(Map<String, ? extends Collection<String>> starterGroupsByProcessKey) {
		List<Grant> grants = new ArrayList<>();
		starterGroupsByProcessKey.forEach((processKey, groups) -> groups.stream().sorted().forEach(group -> grants
			.add(new Grant(group, PROCESS_DEFINITION, processKey,
					List.of(ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE)))));
		starterGroupsByProcessKey.values().stream().flatMap(Collection::stream).distinct().sorted()
			.forEach(group -> grants.add(new Grant(group, PROCESS_INSTANCE, ANY, List.of(ProcessInstancePermissions.CREATE))));
		return grants;
	}

	/** Agencies and decision makers: they work on the tasks of their own group. */
	static Set<Role> caseworkRoles() {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream(Role.values())
			.filter(role -> role.kind() == Role.Kind.AGENCY || role.kind() == Role.Kind.DECISION)
			.forEach(roles::add);
		return roles;
	}

	/** The roles that work in Tasklist and get a shared "My group's tasks" filter. */
	static Set<Role> tasklistRoles() {
		Set<Role> roles = caseworkRoles();
		roles.add(Role.SUPERVISOR);
		roles.add(Role.COORDINATOR);
		return roles;
	}
}
