package org.opennrm.platform.internal;

import java.io.InputStream;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.ManagementServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.management.MetricsQuery;
import org.springframework.stereotype.Component;

/**
 * Two reads the engine fails on with a {@link NullPointerException} when what they read is not there, answered
 * instead as the engine answers its other reads of nothing, a refusal that names what is missing (400 on its HTTP
 * APIs, see {@code EngineApiProblems}):
 * <ul>
 * <li>the deployed form of a task that does not exist ({@code GET /task/{id}/deployed-form}, which Tasklist sends for
 * every task it opens): the engine checks the caller may read the task before it looks whether there is one, and the
 * check dereferences the task. The task is looked up first, in the same command, so the engine's own look-up that
 * follows comes from the command's cache;</li>
 * <li>the engine's execution metrics while it collects none ({@code camunda.bpm.metrics.enabled: false}, see
 * {@code application.yml}; {@code GET /metrics}, {@code GET /metrics/{name}/sum}, Admin's "Execution metrics"): the
 * engine's query reads its metrics reporter, which is not there.</li>
 * </ul>
 * Both are the engine's services with one method each replaced, set before the engine builds them. ADR 44 lists them
 * among the engine parts we replace.
 */
@Component
class ReadsOfNothingRefused extends AbstractProcessEnginePlugin {

	static final String NO_METRICS = "The engine's execution metrics are not collected on this service "
			+ "(camunda.bpm.metrics.enabled is false)";

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getFormService().getClass() != FormServiceImpl.class
				|| configuration.getManagementService().getClass() != ManagementServiceImpl.class) {
			throw new IllegalStateException("The engine's form or management service was already replaced ("
					+ configuration.getFormService() + ", " + configuration.getManagementService()
					+ "): replacing it again would undo someone else's change");
		}
		configuration.setFormService(new Forms());
		configuration.setManagementService(new Management(configuration));
	}

	static final class Forms extends FormServiceImpl {

		@Override
		public InputStream getDeployedTaskForm(String taskId) {
			return this.commandExecutor.execute(new GetDeployedFormOfExistingTask(taskId));
		}
	}

	/** The engine's command, after a look-up of the task in the same command context. */
	record GetDeployedFormOfExistingTask(String taskId) implements Command<InputStream> {

		@Override
		public InputStream execute(CommandContext context) {
			if (this.taskId != null && context.getTaskManager().findTaskById(this.taskId) == null) {
				// The engine's own words when its look-up comes first (GetDeployedTaskFormCmd.getFormData).
				throw new BadUserRequestException("No task found for taskId '" + this.taskId + "'");
			}
			return new GetDeployedTaskFormCmd(this.taskId).execute(context);
		}
	}

	static final class Management extends ManagementServiceImpl {

		private final ProcessEngineConfigurationImpl configuration;

		Management(ProcessEngineConfigurationImpl configuration) {
			super(configuration);
			this.configuration = configuration;
		}

		@Override
		public MetricsQuery createMetricsQuery() {
			if (!this.configuration.isMetricsEnabled()) {
				throw new NotFoundException(NO_METRICS);
			}
			return super.createMetricsQuery();
		}
	}
}
