package org.opennrm.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.platform.EngineCommandRule;
import org.opennrm.platform.InvalidFields;
import org.opennrm.test.InMemoryEngines;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/**
 * What the engine logs when a command fails, with {@link CallerMistakesLoggedQuietly}: the caller's mistakes at
 * DEBUG, everything else at ERROR as before.
 */
class CallerMistakesLoggedQuietlyTest {

	static ProcessEngine engine;

	final ListAppender<ILoggingEvent> logged = new ListAppender<>();

	final Logger engineContext = (Logger) LoggerFactory.getLogger("org.camunda.bpm.engine.context");

	final ListAppender<ILoggingEvent> ours = new ListAppender<>();

	final Logger plugin = (Logger) LoggerFactory.getLogger(CallerMistakesLoggedQuietly.class);

	/** A completion listener refusing the values, as a form's rules do; the engine wraps what it throws. */
	public static final class RefusingListener implements TaskListener {

		@Override
		public void notify(DelegateTask task) {
			throw InvalidFields.of("riskLevel", "field.required");
		}
	}

	Level levelBefore;

	@BeforeAll
	static void engineWithThePlugin() {
		// With the rules' interceptor (and no rules): a signed-in user's command runs wrapped for their check.
		EngineCommandRules noRules = new EngineCommandRules(
				new DefaultListableBeanFactory().getBeanProvider(EngineCommandRule.class));
		engine = InMemoryEngines.withPlugins("caller-mistakes-logged-quietly",
				List.of(new CallerMistakesLoggedQuietly(), noRules));
		engine.getRepositoryService()
			.createDeployment()
			.addModelInstance("refusing.bpmn", Bpmn.createExecutableProcess("refusing")
				.startEvent()
				.userTask("answer")
				.camundaTaskListenerClass(TaskListener.EVENTNAME_COMPLETE, RefusingListener.class)
				.endEvent()
				.done())
			.deploy();
	}

	@AfterAll
	static void close() {
		engine.close();
	}

	@BeforeEach
	void listen() {
		this.levelBefore = this.engineContext.getLevel();
		this.engineContext.setLevel(Level.DEBUG);
		this.logged.start();
		this.engineContext.addAppender(this.logged);
		this.ours.start();
		this.plugin.addAppender(this.ours);
	}

	@AfterEach
	void stopListening() {
		this.engineContext.detachAppender(this.logged);
		this.plugin.detachAppender(this.ours);
		this.engineContext.setLevel(this.levelBefore);
	}

	@Test
	void an_id_that_names_nothing_is_one_warning_without_a_stack_trace_and_the_trace_at_debug() {
		assertThatThrownBy(() -> engine.getTaskService().claim("no-such-task", "someone"))
			.isInstanceOf(NullValueException.class);

		assertThat(levels()).containsExactly(Level.DEBUG);
		assertThat(this.ours.list).singleElement().satisfies(warning -> {
			assertThat(warning.getLevel()).isEqualTo(Level.WARN);
			assertThat(warning.getFormattedMessage()).isEqualTo(
					"ClaimTaskCmd failed: Cannot find task with id no-such-task: task is null");
			assertThat(warning.getThrowableProxy()).isNull();
		});
	}

	@Test
	void a_signed_in_users_command_is_named_in_the_warning() {
		engine.getIdentityService().setAuthentication("someone", List.of("police"));
		try {
			assertThatThrownBy(() -> engine.getTaskService().claim("no-such-task", "someone"))
				.isInstanceOf(NullValueException.class);
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}

		assertThat(levels()).containsExactly(Level.DEBUG);
		assertThat(this.ours.list).singleElement()
			.satisfies(warning -> assertThat(warning.getFormattedMessage())
				.isEqualTo("ClaimTaskCmd failed: Cannot find task with id no-such-task: task is null"));
	}

	@Test
	void values_a_forms_listener_refuses_are_logged_at_debug() {
		engine.getRuntimeService().startProcessInstanceByKey("refusing");
		String task = engine.getTaskService().createTaskQuery().taskDefinitionKey("answer").list().get(0).getId();

		assertThatThrownBy(() -> engine.getTaskService().complete(task)).isInstanceOf(ProcessEngineException.class)
			.hasRootCauseInstanceOf(InvalidFields.class);

		assertThat(levels()).containsExactly(Level.DEBUG);
		assertThat(this.ours.list).isEmpty();
	}

	@Test
	void the_engines_own_quiet_cases_stay_as_they_were() {
		assertThatThrownBy(() -> engine.getRepositoryService().getProcessDefinition("no-such-definition"))
			.isInstanceOf(ProcessEngineException.class);

		assertThat(levels()).containsExactly(Level.DEBUG);
	}

	@Test
	void any_other_failure_is_still_an_error() {
		assertThatThrownBy(() -> execute(() -> {
			throw new IllegalStateException("a fault of ours");
		})).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> execute(() -> {
			throw new ProcessEngineException("the engine's own failure");
		})).isInstanceOf(ProcessEngineException.class);

		assertThat(levels()).containsExactly(Level.ERROR, Level.ERROR);
		assertThat(this.logged.list.stream().filter(event -> event.getLevel() == Level.ERROR))
			.allSatisfy(error -> assertThat(error.getThrowableProxy()).isNotNull());
		assertThat(this.ours.list).isEmpty();
	}

	/** The levels at which the engine logged failed commands. */
	private List<Level> levels() {
		return this.logged.list.stream()
			.filter(event -> event.getFormattedMessage().contains("Exception while closing command context"))
			.map(ILoggingEvent::getLevel)
			.toList();
	}

	private static void execute(Runnable failing) {
		((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
			.execute(context -> {
				failing.run();
				return Map.of();
			});
	}
}
