package org.opennrm.platform.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.zip.CRC32;

import javax.sql.DataSource;

import org.opennrm.platform.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * {@link ClusterLock} on the service's database: PostgreSQL advisory locks ({@code pg_advisory_lock(NRM, crc32(name))})
 * on a connection taken for the purpose and given back when the lock is released; in this JVM on any other database
 * (the embedded H2 is opened by one process only).
 */
@Component
class DatabaseClusterLock implements ClusterLock {

	/** The first key of every advisory lock of this service ("NRM"), so that other users of the database differ. */
	static final int NAMESPACE = 0x4E524D;

	private static final Logger log = LoggerFactory.getLogger(DatabaseClusterLock.class);

	private static final Map<String, Semaphore> IN_THIS_JVM = new ConcurrentHashMap<>();

	private final DataSource dataSource;

	DatabaseClusterLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public <T> T exclusively(String name, Supplier<T> work) {
		try (Held held = hold(name)) {
			return work.get();
		}
	}

	@Override
	public Held hold(String name) {
		return hold(this.dataSource, name);
	}

	/** Also for the engine's start, before this bean exists. */
	static Held hold(DataSource dataSource, String name) {
		Connection connection = null;
		try {
			connection = dataSource.getConnection();
			if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
				connection.close();
				// A permit, not a thread's lock: a start takes it on one thread and may give it back on another.
				Semaphore lock = IN_THIS_JVM.computeIfAbsent(name, key -> new Semaphore(1));
				lock.acquireUninterruptibly();
				return lock::release;
			}
			connection.setAutoCommit(true);
			int key = key(name);
			try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_lock(?, ?)")) {
				statement.setInt(1, NAMESPACE);
				statement.setInt(2, key);
				statement.execute();
			}
			log.debug("Holding cluster lock '{}'", name);
			Connection holder = connection;
			return () -> release(holder, key, name);
		}
		catch (SQLException ex) {
			closeQuietly(connection);
			throw new DataAccessResourceFailureException("Cannot take the cluster lock '" + name + "'", ex);
		}
	}

	private static void release(Connection connection, int key, String name) {
		try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
			statement.setInt(1, NAMESPACE);
			statement.setInt(2, key);
			statement.execute();
			log.debug("Released cluster lock '{}'", name);
		}
		catch (SQLException ex) {
			// A pooled connection outlives close(): abort it instead, which ends its session and every lock it held.
			log.warn("Releasing the cluster lock '{}' failed; ending its connection releases it", name, ex);
			try {
				connection.abort(Runnable::run);
			}
			catch (SQLException abortFailed) {
				log.warn("Ending the connection of the cluster lock '{}' failed", name, abortFailed);
			}
		}
		finally {
			closeQuietly(connection);
		}
	}

	static int key(String name) {
		CRC32 crc = new CRC32();
		crc.update(name.getBytes(StandardCharsets.UTF_8));
		return (int) crc.getValue();
	}

	private static void closeQuietly(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				log.debug("Closing a lock connection failed", ex);
			}
		}
	}
}
