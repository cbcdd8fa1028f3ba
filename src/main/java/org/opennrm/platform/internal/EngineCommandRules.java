package org.opennrm.platform.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.opennrm.platform.ActionRefused;
import org.opennrm.platform.EngineActor;
import org.opennrm.platform.EngineCommandRule;
import org.opennrm.platform.InvalidFields;
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
		configuration.setCustomPreCommandInterceptorsTxRequired(withRules(
				configuration.getCustomPreCommandInterceptorsTxRequired(),
				new RulesInterceptor(configuration, ProcessEngineConfigurationImpl::getCommandExecutorTxRequired)));
		configuration.setCustomPreCommandInterceptorsTxRequiresNew(withRules(
				configuration.getCustomPreCommandInterceptorsTxRequiresNew(),
				new RulesInterceptor(configuration, ProcessEngineConfigurationImpl::getCommandExecutorTxRequiresNew)));
	}

	private static List<CommandInterceptor> withRules(List<CommandInterceptor> existing, RulesInterceptor rules) {
		List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
		interceptors.add(0, rules);
		return interceptors;
	}

	/** The command as its sender sent it, where the engine runs it wrapped for the rules' check (for its logs). */
	static Command<?> asSent(Command<?> command) {
		return command instanceof Checked<?> checked ? checked.command : command;
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

	/**
	 * Checks an outermost command of a signed-in user in a command context that the command then runs in: the context
	 * opened for the check is the one the engine's {@code CommandContextInterceptor} finds open and reuses. So what a
	 * rule reads (a task, its candidate links) is in the context's cache when the command reads it again. (In the
	 * chain that always opens a new context, the command gets one of its own, as it would have.) The interceptors after
	 * this one run in that context too, and see the command itself; the context's own invocation holds the wrapper
	 * ({@link #asSent}). A refusal leaves the context before it is thrown: the context closes having read only, and the
	 * engine does not log the refusal as a failed command.
	 */
	private final class RulesInterceptor extends CommandInterceptor {

		private final ProcessEngineConfigurationImpl configuration;

		private final Function<ProcessEngineConfigurationImpl, CommandExecutor> executor;

		RulesInterceptor(ProcessEngineConfigurationImpl configuration,
				Function<ProcessEngineConfigurationImpl, CommandExecutor> executor) {
			this.configuration = configuration;
			this.executor = executor;
		}

		@Override
		public <T> T execute(Command<T> command) {
			if (command instanceof Checked || Context.getCommandContext() != null) {
				return next.execute(command);
			}
			Authentication authentication = this.configuration.getIdentityService().getCurrentAuthentication();
			if (authentication == null || authentication.getUserId() == null) {
				return next.execute(command);
			}
			EngineActor actor = new EngineActor(authentication.getUserId(),
					authentication.getGroupIds() == null ? null : Set.copyOf(authentication.getGroupIds()));
			Checked<T> checked = new Checked<>(command, actor, this);
			Checked.Outcome<T> outcome = this.executor.apply(this.configuration).execute(checked);
			if (outcome.refusal() != null) {
				throw outcome.refusal();
			}
			return outcome.result();
		}

		/** The command after the rules, past this interceptor: in the context the rules were checked in. */
		<T> T proceed(Command<T> command) {
			return next.execute(command);
		}
	}

	/** A user's command with the rules checked first, in the same command context. */
	private final class Checked<T> implements Command<Checked.Outcome<T>> {

		private final Command<T> command;

		private final EngineActor actor;

		private final RulesInterceptor interceptor;

		Checked(Command<T> command, EngineActor actor, RulesInterceptor interceptor) {
			this.command = command;
			this.actor = actor;
			this.interceptor = interceptor;
		}

		@Override
		public Outcome<T> execute(CommandContext context) {
			UserCommand asked = UserCommand.of(this.command);
			try {
				for (EngineCommandRule rule : rules()) {
					rule.check(asked, this.actor);
				}
			}
			catch (ActionRefused | InvalidFields refusal) {
				return new Outcome<>(null, refusal);
			}
			return new Outcome<>(this.interceptor.proceed(this.command), null);
		}

		/** What the command gave, or the rule's refusal. */
		record Outcome<T>(T result, RuntimeException refusal) {
		}
	}
}
