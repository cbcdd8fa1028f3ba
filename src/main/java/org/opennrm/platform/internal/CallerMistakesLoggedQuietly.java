package org.opennrm.platform.internal;

import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.opennrm.platform.InvalidFields;
import org.springframework.stereotype.Component;

/**
 * The engine logs every command that fails at ERROR, with its stack trace (ENGINE-16004), except the failures it
 * counts as the caller's: a bad request (an unknown id it names as "not found", a value not valid), a refused
 * authorization, a lost race. Those it logs at DEBUG (a claim of a claimed task at INFO). Two more are the caller's
 * here and are logged the same way:
 * <ul>
 * <li>the engine's "x doesn't exist: x is null" ({@link NullValueException}), its answer to most ids that name
 * nothing, which its REST API and ours answer with 400 or 404; a scan of the API with unknown ids wrote one ERROR
 * with a stack trace per request;</li>
 * <li>our {@link InvalidFields}: a form submitted with values its rules refuse, answered with 400.</li>
 * </ul>
 * Everything else still goes to ERROR, with the cause.
 */
@Component
class CallerMistakesLoggedQuietly extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		// The engine gives itself to the factory only when it makes the factory.
		Contexts contexts = new Contexts();
		contexts.setProcessEngineConfiguration(configuration);
		configuration.setCommandContextFactory(contexts);
	}

	static boolean isCallersMistake(Throwable failure) {
		return failure instanceof NullValueException || failure instanceof InvalidFields;
	}

	static final class Contexts extends CommandContextFactory {

		@Override
		public CommandContext createCommandContext() {
			return new Context(this.processEngineConfiguration);
		}
	}

	static final class Context extends CommandContext {

		Context(ProcessEngineConfigurationImpl configuration) {
			super(configuration);
		}

		@Override
		protected boolean shouldLogFine(Throwable failure) {
			return super.shouldLogFine(failure) || isCallersMistake(failure);
		}
	}
}
