package org.opennrm.platform.internal;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.opennrm.platform.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Nodes on one database start one at a time: from the moment our migrations run or the engine is configured (before it
 * creates or checks its schema), whichever comes first, until the service is ready, a node holds the cluster lock
 * "start-up". So the engine's schema, our migrations, the models' deployments, groups, grants and Tasklist filters, the
 * statistics back-fill and the history time to live are each done by one node while the others wait, and a node that
 * starts next finds them done (each step already skips what exists). Nodes started together are ready one after the
 * other; a node that dies while starting releases the lock with its connection.
 * <p>
 * The migrations are in the turn because Flyway's own lock does not cover its baseline: a node that found the history
 * table another node had just created, still empty, failed to start ("Unable to baseline schema history table"). They
 * may run before the engine is configured (a servlet filter that needs a migrated table is made with the web server).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ClusterStartup extends AbstractProcessEnginePlugin implements FlywayMigrationStrategy, DisposableBean {

	static final String LOCK = "start-up";

	private static final Logger log = LoggerFactory.getLogger(ClusterStartup.class);

	private final DataSource dataSource;

	private volatile ClusterLock.Held held;

	ClusterStartup(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void migrate(Flyway flyway) {
		holdUntilReady();
		flyway.migrate();
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		holdUntilReady();
	}

	private synchronized void holdUntilReady() {
		if (this.held == null) {
			long start = System.nanoTime();
			this.held = DatabaseClusterLock.hold(this.dataSource, LOCK);
			long waited = (System.nanoTime() - start) / 1_000_000;
			if (waited > 1000) {
				log.info("Waited {} ms for another node to finish starting", waited);
			}
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void ready() {
		release();
	}

	/** A start that fails closes the context: the lock goes with it. */
	@Override
	public void destroy() {
		release();
	}

	private synchronized void release() {
		ClusterLock.Held current = this.held;
		this.held = null;
		if (current != null) {
			current.close();
		}
	}
}
