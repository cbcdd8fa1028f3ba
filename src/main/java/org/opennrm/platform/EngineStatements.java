package org.opennrm.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Our own MyBatis statements on the engine's tables, added to the engine's SQL configuration (the engine's way of
 * running custom queries): the task authorization overlay (ADR 30) and the task API's list (ADR 33). Written for H2
 * and PostgreSQL only, the databases this service runs on; on any other the engine's own queries run instead.
 */
public final class EngineStatements {

	static final Set<String> DATABASES = Set.of("h2", "postgres");

	private EngineStatements() {
	}

	/** Whether our statements are written for the engine's database. */
	public static boolean supported(ProcessEngineConfigurationImpl engine) {
		return DATABASES.contains(engine.getDatabaseType());
	}

	/**
	 * Adds the statements of a mapper file on the class path, unless a statement of it is there already (engines in
	 * one JVM may share one SQL configuration). Its statements may include the engine's fragments by their full ids.
	 */
	public static void add(ProcessEngineConfigurationImpl engine, String resource, String oneOfItsStatements) {
		Configuration sql = engine.getSqlSessionFactory().getConfiguration();
		if (sql.hasStatement(oneOfItsStatements, false)) {
			return;
		}
		try (InputStream mapper = EngineStatements.class.getClassLoader().getResourceAsStream(resource)) {
			if (mapper == null) {
				throw new IllegalStateException(resource + " is missing from the class path");
			}
			new XMLMapperBuilder(mapper, sql, resource, sql.getSqlFragments()).parse();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether a statement of ours is in the engine's SQL configuration. */
	public static boolean present(ProcessEngineConfigurationImpl engine, String statement) {
		return engine.getSqlSessionFactory().getConfiguration().hasStatement(statement, false);
	}
}
