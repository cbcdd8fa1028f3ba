package org.opennrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opennrm.test.InMemoryEngines;

/**
 * {@link TrustedEngineCalls} on a real engine: inside a command it runs in that command's context (so what the call
 * reads stays in the context's cache for the command, as the rules of working rely on), with authorization off for
 * the call only; outside one it opens a context of its own.
 */
class TrustedEngineCallsTest {

	static ProcessEngine engine;

	static ProcessEngineConfigurationImpl configuration;

	static TrustedEngineCalls calls;

	@BeforeAll
	static void engine() {
		engine = InMemoryEngines.withPlugins("trusted-engine-calls", List.of(),
				settings -> settings.setAuthorizationEnabled(true));
		configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
		calls = new TrustedEngineCalls(configuration);
	}

	@AfterAll
	static void close() {
		engine.close();
	}

	@Test
	void inside_a_command_it_runs_in_that_commands_context_without_authorization_for_the_call_only() {
		Seen seen = configuration.getCommandExecutorTxRequired().execute(context -> {
			boolean checkedBefore = context.isAuthorizationCheckEnabled();
			CommandContext ofTheCall = calls.run(Context::getCommandContext);
			boolean checkedInTheCall = calls.run(() -> Context.getCommandContext().isAuthorizationCheckEnabled());
			return new Seen(context, ofTheCall, checkedBefore, checkedInTheCall, context.isAuthorizationCheckEnabled());
		});

		assertThat(seen.ofTheCall()).isSameAs(seen.ofTheCommand());
		assertThat(seen.checkedBefore()).isTrue();
		assertThat(seen.checkedInTheCall()).isFalse();
		assertThat(seen.checkedAfter()).isTrue();
	}

	@Test
	void outside_a_command_it_opens_a_context_of_its_own() {
		CommandContext context = calls.run(Context::getCommandContext);

		assertThat(context).isNotNull();
		assertThat(Context.getCommandContext()).isNull();
	}

	private record Seen(CommandContext ofTheCommand, CommandContext ofTheCall, boolean checkedBefore,
			boolean checkedInTheCall, boolean checkedAfter) {
	}
}
