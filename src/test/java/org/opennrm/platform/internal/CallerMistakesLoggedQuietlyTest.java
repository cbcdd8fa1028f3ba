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
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.platform.InvalidFields;
import org.slf4j.LoggerFactory;

/**
 * What the engine logs when a command fails, with {@link CallerMistakesLoggedQuietly}: the caller's mistakes at
 * DEBUG, everything else at ERROR as before.
 */
class CallerMistakesLoggedQuietlyTest {

	static ProcessEngine engine;

	final ListAppender<ILoggingEvent> logged = new ListAppender<>();

	final Logger engineContext = (Logger) LoggerFactory.getLogger("org.camunda.bpm.engine.context");

	Level levelBefore;

	@BeforeAll
	static void engineWithThePlugin() {
		engine = InMemoryEngines.withPlugin("caller-mistakes-logged-quietly", new CallerMistakesLoggedQuietly());
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
	}

	@AfterEach
	void stopListening() {
		this.engineContext.detachAppender(this.logged);
		this.engineContext.setLevel(this.levelBefore);
	}

	@Test
	void an_id_that_names_nothing_is_logged_at_debug() {
		assertThatThrownBy(() -> engine.getTaskService().claim("no-such-task", "someone"))
			.isInstanceOf(NullValueException.class);

		assertThat(levels()).containsExactly(Level.DEBUG);
	}

	@Test
	void values_a_form_refuses_are_logged_at_debug() {
		assertThatThrownBy(() -> execute(() -> {
			throw InvalidFields.of("riskLevel", "field.required");
		})).isInstanceOf(InvalidFields.class);

		assertThat(levels()).containsExactly(Level.DEBUG);
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
		assertThat(this.logged.list.get(0).getThrowableProxy()).isNotNull();
	}

	private List<Level> levels() {
		return this.logged.list.stream().map(ILoggingEvent::getLevel).toList();
	}

	private static void execute(Runnable failing) {
		((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
			.execute(context -> {
				failing.run();
				return Map.of();
			});
	}
}
