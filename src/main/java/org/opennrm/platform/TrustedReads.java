package org.opennrm.platform;

import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Reads engine metadata without the caller's authorization, for facts about things the caller is already allowed to
 * see: the case reference of a task they can read, or whether a task they just acted on was completed meanwhile.
 * Never use it to decide <em>whether</em> someone may see something, and never to read variables: an architecture
 * test limits who may call it.
 */
@Component
public class TrustedReads {

	private final ProcessEngineConfigurationImpl configuration;

	TrustedReads(ProcessEngineConfiguration configuration) {
		this.configuration = (ProcessEngineConfigurationImpl) configuration;
	}

	public <T> T read(Supplier<T> query) {
		return this.configuration.getCommandExecutorTxRequired().execute(commandContext -> {
			commandContext.disableAuthorizationCheck();
			try {
				return query.get();
			}
			finally {
				commandContext.enableAuthorizationCheck();
			}
		});
	}
}
