package org.opennrm.platform.internal;

import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.opennrm.platform.InvalidFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine logs every command that fails at ERROR, with its stack trace (ENGINE-16004), except the failures it
 * counts as the caller's: a bad request (an id it names as "not found", a value not valid), a refused authorization,
 * a lost race. Those it logs at DEBUG (a claim of a claimed task at INFO). Two more are logged more quietly here:
 * <ul>
 * <li>our {@link InvalidFields}, however the engine wrapped it (a task listener's refusal comes wrapped): a form
 * submitted with values its rules refuse, answered with 400. The engine's stack trace goes to DEBUG.</li>
 * <li>the engine's "x doesn't exist: x is null" ({@link NullValueException}), its answer to most ids that name
 * nothing, answered with 400 or 404: a scan of the API with unknown ids wrote one ERROR with a stack trace per
 * request. The engine also throws it when one of its own checks fails, so it keeps one WARN line here (the command
 * and the engine's message, which says which id or argument was missing), and the stack trace goes to DEBUG.</li>
 * </ul>
 * Everything else still goes to ERROR, with the cause.
 */
@Component
class CallerMistakesLoggedQuietly extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(CallerMistakesLoggedQuietly.class);

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		// The engine gives itself to the factory only when it makes the factory.
		Contexts contexts = new Contexts();
		contexts.setProcessEngineConfiguration(configuration);
		configuration.setCommandContextFactory(contexts);
	}

	static boolean isRefusedForm(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof InvalidFields) {
				return true;
			}
		}
		return false;
	}

	static final class Contexts extends CommandContextFactory {

		@Override
		public CommandContext createCommandContext() {
			return new QuietContext(this.processEngineConfiguration);
		}
	}

	static final class QuietContext extends CommandContext {

		QuietContext(ProcessEngineConfigurationImpl configuration) {
			super(configuration);
		}

		@Override
		public void close(CommandInvocationContext invocation) {
			if (invocation.getThrowable() instanceof NullValueException missing) {
				log.warn("{} failed: {}", EngineCommandRules.asSent(invocation.getCommand()).getClass().getSimpleName(),
						missing.getMessage());
			}
			super.close(invocation);
		}

		@Override
		protected boolean shouldLogFine(Throwable failure) {
			return super.shouldLogFine(failure) || failure instanceof NullValueException || isRefusedForm(failure);
		}
	}
}
