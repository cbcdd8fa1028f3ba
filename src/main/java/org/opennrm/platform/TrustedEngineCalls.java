package org.opennrm.platform;

import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Runs an engine call without the caller's engine authorization, once our own policy has checked the caller: reading
 * whether a task they just acted on was completed meanwhile, or delivering a message (consent withdrawn, new
 * evidence) to a case they are involved in but whose process instance they may not touch directly. Never use it to
 * decide <em>whether</em> someone may see something, and never to read variables: an architecture test limits who
 * may call it.
 */
@Component
public class TrustedEngineCalls {

	private final ProcessEngineConfigurationImpl configuration;

	TrustedEngineCalls(ProcessEngineConfiguration configuration) {
		this.configuration = (ProcessEngineConfigurationImpl) configuration;
	}

	public <T> T run(Supplier<T> call) {
		return this.configuration.getCommandExecutorTxRequired().execute(commandContext -> {
			commandContext.disableAuthorizationCheck();
			try {
				return call.get();
			}
			finally {
				commandContext.enableAuthorizationCheck();
			}
		});
	}
}
