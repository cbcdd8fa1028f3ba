package org.opennrm.platform.internal;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;

/**
 * A job that lost a race with another transaction (another node's job on the same case, a user's completion) is tried
 * again without using up one of its retries, so that a conflict never ends in an incident. The engine already does
 * this when its own {@link OptimisticLockingException} is what the job threw; here also when the conflict comes
 * wrapped (from a delegate, a listener, our own SQL: Spring's {@link ConcurrencyFailureException}, PostgreSQL's
 * serialization failures and deadlocks). Real failures keep the engine's retry rules and end in an incident.
 */
@Component
class JobConflictsRetried extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setFailedJobCommandFactory((jobId, failure) -> new RetryCountingNoConflicts(jobId, failure));
	}

	static boolean isConflict(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof OptimisticLockingException || cause instanceof ConcurrencyFailureException) {
				return true;
			}
			if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().equals("40001") || sql.getSQLState().equals("40P01"))) {
				return true;
			}
		}
		return false;
	}

	static final class RetryCountingNoConflicts extends DefaultJobRetryCmd {

		RetryCountingNoConflicts(String jobId, Throwable failure) {
			super(jobId, failure);
		}

		@Override
		protected boolean shouldDecrementRetriesFor(Throwable failure) {
			return !isConflict(failure);
		}
	}
}
