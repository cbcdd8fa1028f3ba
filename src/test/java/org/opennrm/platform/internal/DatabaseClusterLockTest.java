package org.opennrm.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.opennrm.platform.ClusterLock;

/**
 * The cluster lock on the embedded H2 (one process): one holder at a time in this JVM, given back on any thread.
 * On PostgreSQL the same contract holds across nodes (TwoNodesIT).
 */
class DatabaseClusterLockTest {

	final ClusterLock lock = new DatabaseClusterLock(h2());

	@Test
	void a_second_holder_waits_until_the_first_lets_go_even_from_another_thread() throws Exception {
		ClusterLock.Held first = this.lock.hold("unit-test");
		CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> this.lock.exclusively("unit-test", () -> "ran"));
		assertThat(second).as("waits while the first holds it").failsWithin(300, TimeUnit.MILLISECONDS)
			.withThrowableOfType(TimeoutException.class);
		CompletableFuture.runAsync(first::close).get(5, TimeUnit.SECONDS);
		assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("ran");
	}

	@Test
	void locks_of_different_names_do_not_wait_for_each_other() throws Exception {
		try (ClusterLock.Held held = this.lock.hold("unit-test-a")) {
			assertThat(CompletableFuture.supplyAsync(() -> this.lock.exclusively("unit-test-b", () -> "ran"))
				.get(5, TimeUnit.SECONDS)).isEqualTo("ran");
		}
	}

	@Test
	void work_that_fails_gives_the_lock_back() {
		try {
			this.lock.exclusively("unit-test-c", (Runnable) () -> {
				throw new IllegalStateException("failed");
			});
		}
		catch (IllegalStateException expected) {
			// the work's own failure
		}
		assertThat(this.lock.exclusively("unit-test-c", () -> "again")).isEqualTo("again");
	}

	private static JdbcDataSource h2() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:cluster-lock-test;DB_CLOSE_DELAY=-1");
		return dataSource;
	}
}
