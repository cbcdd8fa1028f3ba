package org.opennrm.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.platform.ActionRefused;
import org.opennrm.platform.EngineActor;
import org.opennrm.platform.EngineCommandRule;
import org.opennrm.platform.UserCommand;
import org.opennrm.test.InMemoryEngines;
import org.opennrm.test.StatementCounts;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/**
 * {@link EngineCommandRules} on a real engine: the rules see every outermost command of a signed-in user and nothing
 * else, a refusal stops the command, and a rule runs in the command context the command then runs in, so that what the
 * rule read (a task, its links) is not read again. The rules here read a task the way {@code TaskWorkRules} does: in
 * the current command context, or in a new one where there is none.
 */
class EngineCommandRulesTest {

	static ProcessEngine engine;

	static ProcessEngineConfigurationImpl configuration;

	static final List<UserCommand.Kind> checked = new ArrayList<>();

	static final List<CommandContext> contextsOfChecks = new ArrayList<>();

	static final StatementCounts statements = new StatementCounts();

	@BeforeAll
	static void engineWithRules() {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("recording", (EngineCommandRule) EngineCommandRulesTest::record);
		beans.registerSingleton("readingTheTask", (EngineCommandRule) EngineCommandRulesTest::readTheTask);
		beans.registerSingleton("refusing", (EngineCommandRule) (command, actor) -> {
			if ("refused".equals(actor.userId())) {
				throw ActionRefused.forbidden("problem.task.forOtherGroups");
			}
		});
		engine = InMemoryEngines.withPlugins("command-rules",
				List.of(new EngineCommandRules(beans.getBeanProvider(EngineCommandRule.class)), statements));
		configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
		engine.getRepositoryService()
			.createDeployment()
			.addModelInstance("work.bpmn",
					Bpmn.createExecutableProcess("work").startEvent().userTask("task").camundaCandidateGroups("police")
						.endEvent().done())
			.deploy();
	}

	@AfterAll
	static void close() {
		engine.close();
	}

	@BeforeEach
	void nothingSeenYet() {
		checked.clear();
		contextsOfChecks.clear();
		statements.clear();
	}

	@AfterEach
	void signOut() {
		engine.getIdentityService().clearAuthentication();
	}

	@Test
	void a_rule_runs_in_the_context_its_command_runs_in() {
		engine.getIdentityService().setAuthentication("worker", List.of("police"));
		CommandContext ofTheCommand = configuration.getCommandExecutorTxRequired().execute(context -> context);

		assertThat(checked).containsExactly(UserCommand.Kind.OTHER);
		assertThat(contextsOfChecks).containsExactly(ofTheCommand);
	}

	@Test
	void in_the_chain_that_opens_a_new_context_the_command_gets_its_own_and_is_checked_once() {
		engine.getIdentityService().setAuthentication("worker", List.of("police"));
		CommandContext ofTheCommand = configuration.getCommandExecutorTxRequiresNew().execute(context -> context);

		assertThat(checked).containsExactly(UserCommand.Kind.OTHER);
		assertThat(contextsOfChecks).singleElement().isNotNull().isNotSameAs(ofTheCommand);
	}

	@Test
	void the_task_a_rule_read_is_not_read_again_by_the_command() {
		String taskId = newTask();
		engine.getIdentityService().setAuthentication("worker", List.of("police"));

		engine.getTaskService().claim(taskId, "worker");
		assertThat(reads("selectTask")).as("the task's row, read by the rule and found again by the claim")
			.isEqualTo(1);
		assertThat(checked).containsExactly(UserCommand.Kind.CLAIM_TASK);

		statements.clear();
		engine.getTaskService().complete(taskId);
		assertThat(reads("selectTask")).as("the task's row, for the completion").isEqualTo(1);
		assertThat(reads("selectIdentityLinksByTask"))
			.as("its candidate links, read by the rule, deleted by the engine")
			.isEqualTo(1);
		assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isZero();
	}

	@Test
	void a_refusal_stops_the_command_and_is_not_logged_as_a_failed_one() {
		String taskId = newTask();
		engine.getIdentityService().setAuthentication("refused", List.of("police"));
		Logger contexts = (Logger) LoggerFactory.getLogger("org.camunda.bpm.engine.context");
		ListAppender<ILoggingEvent> logged = new ListAppender<>();
		logged.start();
		contexts.addAppender(logged);
		// The engine logs a refused authorization at DEBUG, a refused form at ERROR: at any level, nothing here.
		Level levelBefore = contexts.getLevel();
		contexts.setLevel(Level.DEBUG);
		try {
			assertThatThrownBy(() -> engine.getTaskService().claim(taskId, "refused"))
				.isInstanceOf(ActionRefused.class)
				.hasMessageContaining("problem.task.forOtherGroups");
		}
		finally {
			contexts.detachAppender(logged);
			contexts.setLevel(levelBefore);
		}

		assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
			.noneMatch(message -> message.contains("Exception while closing command context"));
		engine.getIdentityService().clearAuthentication();
		assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
	}

	@Test
	void commands_inside_a_command_and_commands_without_a_user_are_not_checked() {
		String taskId = newTask();
		engine.getIdentityService().setAuthentication("worker", List.of("police"));
		configuration.getCommandExecutorTxRequired().execute(context -> {
			engine.getTaskService().claim(taskId, "worker");
			return null;
		});
		assertThat(checked).containsExactly(UserCommand.Kind.OTHER);
		assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee())
			.isEqualTo("worker");

		checked.clear();
		engine.getIdentityService().clearAuthentication();
		engine.getTaskService().claim(taskId, null);
		assertThat(checked).isEmpty();
	}

	private static String newTask() {
		String instance = engine.getRuntimeService().startProcessInstanceByKey("work").getId();
		return engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
	}

	private static int reads(String statement) {
		return statements.of(statement);
	}

	private static void record(UserCommand command, EngineActor actor) {
		checked.add(command.kind());
		contextsOfChecks.add(Context.getCommandContext());
	}

	/** Reads the task and its links as {@code TaskWorkRules} does, for the commands on a task. */
	private static void readTheTask(UserCommand command, EngineActor actor) {
		if (command.taskId() == null) {
			return;
		}
		if (Context.getCommandContext() != null) {
			readTheTask(Context.getCommandContext(), command.taskId());
		}
		else {
			configuration.getCommandExecutorTxRequired().execute(context -> readTheTask(context, command.taskId()));
		}
	}

	private static Object readTheTask(CommandContext context, String taskId) {
		TaskEntity task = context.getTaskManager().findTaskById(taskId);
		return task == null ? null : task.getIdentityLinks();
	}
}
