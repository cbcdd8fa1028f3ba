package org.opennrm.platform;

import java.util.function.Supplier;

/**
 * One node at a time, across every node on the same database: for work that must happen once however many nodes
 * start or run it together (start-up steps, demo data). On PostgreSQL a session-level advisory lock held by a
 * connection of its own, so a node that dies releases it with its connection; on the embedded H2 (one process) a lock
 * in this JVM.
 */
public interface ClusterLock {

	<T> T exclusively(String name, Supplier<T> work);

	default void exclusively(String name, Runnable work) {
		exclusively(name, () -> {
			work.run();
			return null;
		});
	}

	/** Takes the lock until the returned handle is closed (for work that spans several steps of a start). */
	Held hold(String name);

	interface Held extends AutoCloseable {

		@Override
		void close();
	}
}
