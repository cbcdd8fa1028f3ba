package org.opennrm.tasks.internal;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.ibatis.session.SqlSession;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.opennrm.cases.CaseVariables;
import org.opennrm.platform.EngineStatements;
import org.opennrm.security.NrmUser;
import org.springframework.stereotype.Component;

/**
 * The tasks of our API as the signed-in user may see them: their list, and one task by its id (ADR 33).
 * <p>
 * The list is our own statement on the engine's tables ({@code VisibleTasks.xml}): the rule of ADR 16 as the engine's
 * task query states it, with the case references joined in. The engine's query answers the same, but builds its SQL
 * from some three hundred conditions per set of criteria, two sets for this or-query, and then needs a variable query
 * for the references.
 * <p>
 * One task by its id, for claims and completions: the task's row read by id, and the engine's own read check made on
 * it ({@link CommandChecker#checkReadTask}: READ on the task, or READ_TASK on its process definition; none for a case
 * task), the check the engine's task query makes with authorization on.
 * <p>
 * A task query would do either: in the lifecycle benchmark (W1) its dynamic SQL was a fifth of the request threads'
 * samples, and the list's share fell from 14.5 % to 2.4 % with the statement. The read check by id is one of the
 * engine's dynamic statements too and costs about what a task query did, so each claim and completion makes it once.
 * {@code TaskListEquivalenceIT} proves both answer as the engine's query does, for every user and task.
 */
@Component
class VisibleTasks {

	private final ProcessEngineConfigurationImpl engine;

	private final CommandExecutor commands;

	VisibleTasks(ProcessEngineConfiguration configuration) {
		this.engine = (ProcessEngineConfigurationImpl) configuration;
		this.commands = this.engine.getCommandExecutorTxRequired();
	}

	/**
	 * A page of the tasks the user works on, and how many there are (ADR 16's rule: assigned to them, unclaimed for
	 * one of their groups, or involving them), with each task's case reference; empty where our statement is not in
	 * use (a database it is not written for). A first page with room to spare is the whole list, so its size is the
	 * count: the API's clients poll for their next task with exactly such pages.
	 */
	Optional<Listed> list(NrmUser user, String caseReference, int firstResult, int maxResults) {
		if (!EngineStatements.present(this.engine, VisibleTaskStatements.LIST)) {
			return Optional.empty();
		}
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("userId", user.userId());
		parameters.put("groupIds", user.groupIdList());
		parameters.put("caseReference", caseReference);
		parameters.put("caseReferenceVariable", CaseVariables.CASE_REFERENCE);
		parameters.put("firstResult", firstResult);
		parameters.put("maxResults", maxResults);
		return Optional.of(this.commands.execute(context -> {
			SqlSession sql = context.getDbSqlSession().getSqlSession();
			List<ListedTask> page = sql.selectList(VisibleTaskStatements.LIST, parameters);
			long total = firstResult == 0 && page.size() < maxResults ? page.size()
					: sql.<Long>selectOne(VisibleTaskStatements.COUNT, parameters);
			return new Listed(page, total);
		}));
	}

	/** The task, if there is one of that id and the user may see it. */
	Optional<Task> find(String taskId) {
		return Optional.ofNullable(this.commands.execute(context -> readable(context, taskId)));
	}

	/**
	 * For a completion: the task if the user may see it, with its case locked through {@code lockCase} and read again
	 * once the lock is held (a completion of the same task may have finished meanwhile); empty if there is none, it
	 * was completed meanwhile, or the user may not see it. The check is made once, before the lock, so that nobody
	 * locks a case whose task they may not see. The case reference (a variable of the task) only picks the lock and
	 * is never given to the user.
	 */
	Optional<Task> findWithCaseLocked(String taskId, Consumer<String> lockCase) {
		Seen seen = this.commands.execute(context -> {
			TaskEntity task = readable(context, taskId);
			return task == null ? null : new Seen(task, task.getVariableLocal(CaseVariables.CASE_REFERENCE));
		});
		if (seen == null || seen.caseReference() == null) {
			return Optional.ofNullable(seen).map(Seen::task);
		}
		lockCase.accept(seen.caseReference().toString());
		return Optional.ofNullable(this.commands.execute(context -> context.getTaskManager().findTaskById(taskId)));
	}

	/** The task, if there is one of that id and the current user may read it; in the given command's context. */
	static TaskEntity readable(CommandContext context, String taskId) {
		TaskEntity task = context.getTaskManager().findTaskById(taskId);
		// The service uses no tenants: a task of one is shown to nobody here (the engine's tenant check would refuse
		// with an error, not an authorization refusal).
		if (task == null || task.getTenantId() != null) {
			return null;
		}
		try {
			for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
				checker.checkReadTask(task);
			}
		}
		catch (AuthorizationException ex) {
			return null;
		}
		return task;
	}

	/** A task the user may see, and the reference of its case. */
	private record Seen(Task task, Object caseReference) {
	}

	/** A task of the list as the statement reads it. */
	record ListedTask(String id, String name, String taskKey, String processDefinitionId, String assignee,
			Date createTime, Date dueDate, String caseReference) {
	}

	/** A page of the list, and the length of the whole list. */
	record Listed(List<ListedTask> page, long total) {
	}
}
