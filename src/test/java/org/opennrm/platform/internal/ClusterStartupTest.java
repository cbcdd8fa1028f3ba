package org.opennrm.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.opennrm.platform.ClusterLock;

/**
 * A node's start-up turn on the embedded H2 (the lock in this JVM; across nodes on PostgreSQL, TwoNodesIT): our
 * migrations run in it, whether they come before the engine's configuration or after it, and the turn ends when the
 * node is ready.
 */
class ClusterStartupTest {

	private final JdbcDataSource h2 = h2();

	private final ClusterLock lock = new DatabaseClusterLock(this.h2);

	@Test
	void migrations_run_in_the_nodes_turn_which_the_engine_then_keeps_until_the_node_is_ready() throws Exception {
		ClusterStartup startup = new ClusterStartup(this.h2);
		Flyway flyway = mock(Flyway.class);
		AtomicReference<Boolean> anotherNodeCouldStart = new AtomicReference<>();
		when(flyway.migrate()).then(invocation -> {
			anotherNodeCouldStart.set(anotherNodeStarts().isDone());
			return null;
		});

		startup.migrate(flyway);
		startup.preInit(null);

		verify(flyway).migrate();
		assertThat(anotherNodeCouldStart.get()).as("another node started while this one migrated").isFalse();
		CompletableFuture<String> another = anotherNodeStarts();
		assertThat(another).as("waits while this node starts").failsWithin(300, TimeUnit.MILLISECONDS)
			.withThrowableOfType(TimeoutException.class);
		startup.ready();
		assertThat(another.get(5, TimeUnit.SECONDS)).isEqualTo("started");
	}

	@Test
	void migrations_after_the_engines_configuration_run_in_the_turn_it_took() throws Exception {
		ClusterStartup startup = new ClusterStartup(this.h2);
		Flyway flyway = mock(Flyway.class);
		AtomicReference<Boolean> anotherNodeCouldStart = new AtomicReference<>();
		when(flyway.migrate()).then(invocation -> {
			anotherNodeCouldStart.set(anotherNodeStarts().isDone());
			return null;
		});
		startup.preInit(null);

		CompletableFuture<Void> migrated = CompletableFuture.runAsync(() -> startup.migrate(flyway));

		migrated.get(5, TimeUnit.SECONDS);
		verify(flyway).migrate();
		assertThat(anotherNodeCouldStart.get()).as("another node started while this one migrated").isFalse();
		startup.destroy();
		assertThat(anotherNodeStarts().get(5, TimeUnit.SECONDS)).isEqualTo("started");
	}

	/** Another node's start-up on the same database: it begins once it has the turn. */
	private CompletableFuture<String> anotherNodeStarts() throws InterruptedException {
		CompletableFuture<String> started = CompletableFuture
			.supplyAsync(() -> this.lock.exclusively(ClusterStartup.LOCK, () -> "started"));
		// Long enough to take a free lock; a held one keeps it waiting.
		Thread.sleep(100);
		return started;
	}

	private static JdbcDataSource h2() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:cluster-startup-test;DB_CLOSE_DELAY=-1");
		return dataSource;
	}
}
