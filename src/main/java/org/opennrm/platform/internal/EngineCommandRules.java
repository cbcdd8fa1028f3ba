package org.opennrm.platform.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.opennrm.platform.EngineActor;
import org.opennrm.platform.EngineCommandRule;
import org.opennrm.platform.UserCommand;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link EngineCommandRule}s where every path meets: in front of every command the engine runs. Our API,
 * Tasklist, Cockpit and Admin (the webapps' engine API) and the engine REST API all end in the same commands, so no
 * URL spelling, named engine or HTTP method can reach the engine around them.
 * <p>
 * Only the outermost command of a signed-in user is checked: a command inside another (a listener's, a delegate's, a
 * {@link org.opennrm.platform.TrustedEngineCalls trusted call}) is the service's own work on a step that passed, and a
 * command without a signed-in user (start-up, the job executor) is too.
 */
@Component
class EngineCommandRules extends AbstractProcessEnginePlugin {

	private final ObjectProvider<EngineCommandRule> rules;

	private volatile List<EngineCommandRule> resolved;

	EngineCommandRules(ObjectProvider<EngineCommandRule> rules) {
		this.rules = rules;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setCustomPreCommandInterceptorsTxRequired(
				withRules(configuration.getCustomPreCommandInterceptorsTxRequired(), configuration));
		configuration.setCustomPreCommandInterceptorsTxRequiresNew(
				withRules(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), configuration));
	}

	private List<CommandInterceptor> withRules(List<CommandInterceptor> existing,
			ProcessEngineConfigurationImpl configuration) {
		List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
		interceptors.add(0, new RulesInterceptor(configuration));
		return interceptors;
	}

	/** The rules, resolved at the first command: they use engine services, which exist only once the engine does. */
	private List<EngineCommandRule> rules() {
		List<EngineCommandRule> current = this.resolved;
		if (current == null) {
			current = this.rules.orderedStream().toList();
			this.resolved = current;
		}
		return current;
	}

	private final class RulesInterceptor extends CommandInterceptor {

		private final ProcessEngineConfigurationImpl configuration;

		RulesInterceptor(ProcessEngineConfigurationImpl configuration) {
			this.configuration = configuration;
		}

		@Override
		public <T> T execute(Command<T> command) {
			if (Context.getCommandContext() == null) {
				Authentication authentication = this.configuration.getIdentityService().getCurrentAuthentication();
				if (authentication != null && authentication.getUserId() != null) {
					EngineActor actor = new EngineActor(authentication.getUserId(),
							authentication.getGroupIds() == null ? null : Set.copyOf(authentication.getGroupIds()));
					UserCommand asked = UserCommand.of(command);
					for (EngineCommandRule rule : rules()) {
						rule.check(asked, actor);
					}
				}
			}
			return next.execute(command);
		}
	}
}
