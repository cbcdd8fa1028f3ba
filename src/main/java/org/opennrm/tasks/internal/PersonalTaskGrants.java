package org.opennrm.tasks.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.opennrm.platform.StartupOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Who the engine grants a new task to (its authorization provider): as the engine does, except for a task that its
 * process assigns to one person, whose model names the assignee (a child's consent, given by the guardian appointed
 * for that child). Its candidate group only says which role may hold it (the rules of working ask it) and gets no grant
 * on it: the task is seen by its assignee, whom the engine grants it as always, and not by everyone of the role.
 * <p>
 * Without this, every guardian saw every child's consent task in Tasklist's guardian filter, with its case. Tasks of
 * that kind opened before still held their group's grant; it is taken back at start-up (in the start-up turn of
 * ADR 31, so once per start).
 */
@Component
@Order(StartupOrder.ACCESS)
class PersonalTaskGrants extends AbstractProcessEnginePlugin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PersonalTaskGrants.class);

	private final ObjectProvider<RepositoryService> repositoryService;

	private final ObjectProvider<TaskService> taskService;

	private final ObjectProvider<AuthorizationService> authorizationService;

	/** The engine's services, looked up when used: this plugin configures the engine they come from. */
	PersonalTaskGrants(ObjectProvider<RepositoryService> repositoryService, ObjectProvider<TaskService> taskService,
			ObjectProvider<AuthorizationService> authorizationService) {
		this.repositoryService = repositoryService;
		this.taskService = taskService;
		this.authorizationService = authorizationService;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setResourceAuthorizationProvider(new Provider());
	}

	/** Whether the process assigns the task to one person, named in its model. */
	static boolean isPersonal(Task task) {
		if (!(task instanceof TaskEntity entity)) {
			return false;
		}
		TaskDefinition definition = entity.getTaskDefinition();
		return definition != null && definition.getAssigneeExpression() != null;
	}

	/** Takes back the group grants that open personal tasks got before this provider (run without a user). */
	@Override
	public void run(ApplicationArguments args) {
		RepositoryServiceImpl repository = (RepositoryServiceImpl) this.repositoryService.getObject();
		int revoked = 0;
		for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
			Map<String, TaskDefinition> tasks = ((ProcessDefinitionEntity) repository
				.getDeployedProcessDefinition(definition.getId())).getTaskDefinitions();
			List<String> personal = tasks.entrySet().stream()
				.filter(task -> task.getValue().getAssigneeExpression() != null)
				.map(Map.Entry::getKey)
				.collect(Collectors.toList());
			if (personal.isEmpty()) {
				continue;
			}
			for (Task task : this.taskService.getObject().createTaskQuery()
				.processDefinitionId(definition.getId())
				.taskDefinitionKeyIn(personal.toArray(String[]::new))
				.list()) {
				revoked += revokeGroupGrants(task.getId());
			}
		}
		if (revoked > 0) {
			log.info("Took back {} group grants on tasks for one person", revoked);
		}
	}

	private int revokeGroupGrants(String taskId) {
		AuthorizationService authorizations = this.authorizationService.getObject();
		List<Authorization> grants = authorizations.createAuthorizationQuery()
			.resourceType(Resources.TASK)
			.resourceId(taskId)
			.list()
			.stream()
			.filter(grant -> grant.getGroupId() != null)
			.toList();
		grants.forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
		return grants.size();
	}

	/** The engine's own provider, but no grant to the candidate group of a personal task. */
	static final class Provider extends DefaultAuthorizationProvider {

		@Override
		public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String identityLinkType) {
			return isPersonal(task) ? new AuthorizationEntity[0]
					: super.newTaskGroupIdentityLink(task, groupId, identityLinkType);
		}
	}
}
