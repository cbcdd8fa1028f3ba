package org.opennrm.platform.internal;

import java.io.InputStream;
import java.util.Date;

import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.ManagementServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.EnsureUtil;
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
 * {@code application.yml}; {@code GET /metrics}, {@code GET /metrics/{name}/sum}): the engine's query reads its
 * metrics reporter, which is not there. The count of task workers ({@code /metrics/task-users/sum}) reads no
 * reporter, but would answer 0 for metrics that were never collected, so it is refused too.</li>
 * </ul>
 * Both are the engine's own services with these methods replaced, set before the engine builds them; start-up fails
 * if a plugin before this one replaced either (one after it would go unnoticed). ADR 44 lists them among the engine
 * parts we replace.
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
			GetDeployedTaskFormCmd read = new GetDeployedTaskFormCmd(this.taskId);
			// The engine's own refusal, words and type, where it looks the task up first (GetTaskFormCmd).
			EnsureUtil.ensureNotNull("No task found for taskId '" + this.taskId + "'", "task",
					context.getTaskManager().findTaskById(this.taskId));
			return read.execute(context);
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
			collected();
			return super.createMetricsQuery();
		}

		/** Reads task meter logs, which the engine writes only while it collects metrics: 0 would not be true. */
		@Override
		public long getUniqueTaskWorkerCount(Date startTime, Date endTime) {
			collected();
			return super.getUniqueTaskWorkerCount(startTime, endTime);
		}

		private void collected() {
			if (!this.configuration.isMetricsEnabled()) {
				throw new NotFoundException(NO_METRICS);
			}
		}
	}
}
