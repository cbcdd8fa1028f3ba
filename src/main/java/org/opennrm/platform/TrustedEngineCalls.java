package org.opennrm.platform;

import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Runs an engine call without the caller's engine authorization, once our own policy has checked the caller: reading
 * whether a task they just acted on was completed meanwhile, delivering a message (consent withdrawn, new evidence, a
 * deadline met, protection begun) to a process instance of the case that the acting user may not touch directly, or
 * asking the identity store whether a user is a guardian. Never use it to decide <em>whether</em> someone may see
 * something, and never to read variables: an architecture test names every caller, and no other class may switch
 * engine authorization off.
 */
@Component
public class TrustedEngineCalls {

	private final ProcessEngineConfigurationImpl configuration;

	TrustedEngineCalls(ProcessEngineConfiguration configuration) {
		this.configuration = (ProcessEngineConfigurationImpl) configuration;
	}

	/** Runs the call in the current engine command if there is one, or in a new one. */
	public <T> T run(Supplier<T> call) {
		if (Context.getCommandContext() != null) {
			return withinCommand(call);
		}
		return this.configuration.getCommandExecutorTxRequired()
			.execute(commandContext -> commandContext.runWithoutAuthorization(call::get));
	}

	/**
	 * For listeners and delegates the engine calls inside its own command, where no bean is at hand: the check is
	 * switched off for this call only, and afterwards is as it was before.
	 */
	public static <T> T withinCommand(Supplier<T> call) {
		CommandContext context = Context.getCommandContext();
		return context == null ? call.get() : context.runWithoutAuthorization(call::get);
	}
}
