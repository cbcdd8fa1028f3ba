package org.opennrm.tasks.internal;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.opennrm.platform.StartupOrder;
import org.opennrm.platform.TrustedEngineCalls;
import org.opennrm.tasks.PersonalTasks;
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
 * on it: the task is seen by its assignee, whom the engine grants it as always, and by supervisors, not by everyone of
 * the role. {@link TaskWorkRules} keep it with its assignee.
 * <p>
 * Without this, every guardian saw every child's consent task in Tasklist's guardian filter, with its case. Tasks of
 * that kind opened before still held their group's grant; it is taken back at start-up (in the start-up turn of
 * ADR 31, one node at a time), in one command whose deletes do not fail on a grant already gone.
 */
@Component
@Order(StartupOrder.ACCESS)
class PersonalTaskGrants extends AbstractProcessEnginePlugin implements PersonalTasks, ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PersonalTaskGrants.class);

	private final ObjectProvider<RepositoryService> repositoryService;

	private final ObjectProvider<TaskService> taskService;

	private final ObjectProvider<TrustedEngineCalls> trustedCalls;

	/** The engine's services, looked up when used: this plugin configures the engine they come from. */
	PersonalTaskGrants(ObjectProvider<RepositoryService> repositoryService, ObjectProvider<TaskService> taskService,
			ObjectProvider<TrustedEngineCalls> trustedCalls) {
		this.repositoryService = repositoryService;
		this.taskService = taskService;
		this.trustedCalls = trustedCalls;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setResourceAuthorizationProvider(new Provider());
	}

	/** In an engine command or outside one (then in one of its own: the models are read from the engine's cache). */
	@Override
	public boolean isPersonal(String processDefinitionId, String taskDefinitionKey) {
		return this.trustedCalls.getObject().run(() -> personal(definitionOf(processDefinitionId, taskDefinitionKey)));
	}

	/**
	 * In a command: whether the task's model names its assignee. The engine hands its providers and listeners its own
	 * task entities, whose definition it reads from the deployment cache.
	 */
	static boolean personal(Task task) {
		return task instanceof TaskEntity entity && personal(entity.getTaskDefinition());
	}

	private static boolean personal(TaskDefinition definition) {
		return definition != null && definition.getAssigneeExpression() != null;
	}

	private static TaskDefinition definitionOf(String processDefinitionId, String taskKey) {
		if (processDefinitionId == null || taskKey == null) {
			return null;
		}
		ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration()
			.getDeploymentCache()
			.findDeployedProcessDefinitionById(processDefinitionId);
		return definition == null ? null : definition.getTaskDefinitions().get(taskKey);
	}

	@Override
	public void handOver(String caseReference, String groupId, String userId) {
		this.trustedCalls.getObject().run(() -> {
			CommandContext context = Context.getCommandContext();
			for (Task task : this.taskService.getObject().createTaskQuery()
				.processInstanceBusinessKey(caseReference)
				.taskCandidateGroup(groupId)
				.includeAssignedTasks()
				.list()) {
				if (!personal(task) || userId.equals(task.getAssignee())) {
					continue;
				}
				this.taskService.getObject().setAssignee(task.getId(), userId);
				// The engine grants a new assignee the task, but never takes a former assignee's grant back. A task for
				// one person has no candidate users, so every other user's grant on it is a former holder's.
				context.getProcessEngineConfiguration()
					.getAuthorizationService()
					.createAuthorizationQuery()
					.resourceType(Resources.TASK)
					.resourceId(task.getId())
					.list()
					.stream()
					.map(Authorization::getUserId)
					.filter(holder -> holder != null && !holder.equals(userId))
					.distinct()
					.forEach(holder -> context.getAuthorizationManager()
						.deleteAuthorizationsByResourceIdAndUserId(Resources.TASK, task.getId(), holder));
			}
			return null;
		});
	}

	/** Takes back the candidate groups' grants that open personal tasks got before this provider. */
	@Override
	public void run(ApplicationArguments args) {
		int revoked = this.trustedCalls.getObject().run(() -> revokeGroupGrants(Context.getCommandContext()));
		if (revoked > 0) {
			log.info("No group grant left on the {} open tasks for one person", revoked);
		}
	}

	private int revokeGroupGrants(CommandContext context) {
		// Personal tasks by the task keys of the latest models (older versions are not parsed at every start); each
		// task found is then checked against its own version's model.
		Set<String> keys = new TreeSet<>();
		for (ProcessDefinition latest : this.repositoryService.getObject().createProcessDefinitionQuery()
			.latestVersion()
			.list()) {
			Map<String, TaskDefinition> tasks = context.getProcessEngineConfiguration()
				.getDeploymentCache()
				.findDeployedProcessDefinitionById(latest.getId())
				.getTaskDefinitions();
			tasks.forEach((key, task) -> {
				if (task.getAssigneeExpression() != null) {
					keys.add(key);
				}
			});
		}
		if (keys.isEmpty()) {
			return 0;
		}
		int revoked = 0;
		for (Task task : this.taskService.getObject().createTaskQuery()
			.taskDefinitionKeyIn(keys.toArray(String[]::new))
			.list()) {
			if (!personal(task)) {
				continue;
			}
			for (IdentityLink link : ((TaskEntity) task).getIdentityLinks()) {
				if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
					context.getAuthorizationManager()
						.deleteAuthorizationsByResourceIdAndGroupId(Resources.TASK, task.getId(), link.getGroupId());
				}
			}
			revoked++;
		}
		return revoked;
	}

	/** The engine's own provider, but no grant to the candidate group of a personal task. */
	static final class Provider extends DefaultAuthorizationProvider {

		@Override
		public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String identityLinkType) {
			return personal(task) ? new AuthorizationEntity[0]
					: super.newTaskGroupIdentityLink(task, groupId, identityLinkType);
		}
	}
}
