package org.opennrm.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

/** Which job failures are races with another transaction (retried for free) and which are real (use up a retry). */
class JobConflictsRetriedTest {

	@Test
	void the_engines_own_conflict_is_one_also_when_a_delegate_wraps_it() {
		assertThat(JobConflictsRetried.isConflict(new OptimisticLockingException("changed by another"))).isTrue();
		assertThat(JobConflictsRetried.isConflict(
				new ProcessEngineException("delegate failed", new OptimisticLockingException("changed by another"))))
			.isTrue();
	}

	@Test
	void springs_concurrency_failures_and_postgresqls_serialization_failures_and_deadlocks_are_conflicts() {
		assertThat(JobConflictsRetried.isConflict(new CannotAcquireLockException("lock"))).isTrue();
		assertThat(JobConflictsRetried.isConflict(
				new ProcessEngineException("sql", new SQLException("could not serialize access", "40001")))).isTrue();
		assertThat(JobConflictsRetried.isConflict(new SQLException("deadlock detected", "40P01"))).isTrue();
	}

	@Test
	void real_failures_are_not_conflicts() {
		assertThat(JobConflictsRetried.isConflict(new IllegalStateException("agency unreachable"))).isFalse();
		assertThat(JobConflictsRetried.isConflict(new DataIntegrityViolationException("duplicate key"))).isFalse();
		assertThat(JobConflictsRetried.isConflict(new SQLException("duplicate key", "23505"))).isFalse();
		assertThat(JobConflictsRetried.isConflict(new ProcessEngineException("no cause"))).isFalse();
	}
}
