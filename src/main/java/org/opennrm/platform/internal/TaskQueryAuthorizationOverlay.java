package org.opennrm.platform.internal;

import java.util.HashMap;
import java.util.Map;

import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.opennrm.platform.EngineStatements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine's task query checks authorization with {@code EXISTS} subqueries instead of joining every grant to every
 * task (ADR 30). Camunda 7.24 joins {@code ACT_RU_AUTHORIZATION} into the task list and count with an {@code OR} in the
 * join condition, which PostgreSQL can only answer by comparing each visible task with each grant of the user's
 * groups (one grant per task): quadratic in a group's queue. This plugin adds our own MyBatis statements
 * ({@code TaskQueryAuthorization.xml}, the engine's criteria with the check rewritten) to the engine's SQL
 * configuration once it is built, and maps the engine's two statement names to them. Every caller of a task query
 * gets them: Tasklist's filters, lists and counts, the engine REST API, and our own code.
 * <p>
 * One more of the engine's authorization checks is replaced the same way: the variable query (list and count), which
 * Tasklist sends with every list for the variables its filter shows and which joins every grant of the user's groups
 * to each variable. (The list of groups that hold any grant, which the engine read from the whole authorization table
 * before each checked command, was replaced here too, by a walk along the index; since 2026-12-06 it is not read at
 * all, {@link GroupsCheckedAsTheyAre}.)
 * <p>
 * The engine's single authorization check before a command ({@code isUserAuthorizedForResource}) keeps its SQL but
 * has it built once per shape of check instead of on every call ({@link AuthorizationCheckTemplates}, ADR 43).
 * <p>
 * Only for H2 and PostgreSQL, where {@code TaskQueryAuthorizationEquivalenceIT} proves the same tasks and counts as
 * the engine's statement; other databases keep the engine's statements. On an engine that already checks task
 * authorization with {@code EXISTS} (Operaton, CIB seven) delete the two task statements here and in the XML, the
 * variable statements once its variable query does too (ADR 30).
 */
@Component
class TaskQueryAuthorizationOverlay extends AbstractProcessEnginePlugin {

	static final String MAPPER = "org/opennrm/platform/internal/TaskQueryAuthorization.xml";

	static final String NAMESPACE = "org.opennrm.platform.internal.TaskQueryAuthorization";

	/** The engine's single authorization check, which {@link AuthorizationCheckTemplates} builds by shape. */
	static final String AUTHORIZATION_CHECK = "isUserAuthorizedForResource";

	/** The engine's statements this overlay replaces, by the names the engine asks for, and ours in their place. */
	static final Map<String, String> STATEMENTS = Map.of(
			"selectTaskByQueryCriteria", NAMESPACE + ".selectTaskByQueryCriteriaWithExists",
			"selectTaskCountByQueryCriteria", NAMESPACE + ".selectTaskCountByQueryCriteriaWithExists",
			"selectVariableInstanceByQueryCriteria", NAMESPACE + ".selectVariableInstanceByQueryCriteriaWithExists",
			"selectVariableInstanceCountByQueryCriteria", NAMESPACE + ".selectVariableInstanceCountByQueryCriteriaWithExists",
			AUTHORIZATION_CHECK, NAMESPACE + ".isUserAuthorizedForResourceByShape");

	private static final Logger log = LoggerFactory.getLogger(TaskQueryAuthorizationOverlay.class);

	@Override
	public void postInit(ProcessEngineConfigurationImpl engine) {
		if (!EngineStatements.supported(engine)) {
			log.warn("Task queries keep the engine's authorization join on database type '{}'", engine.getDatabaseType());
			return;
		}
		EngineStatements.add(engine, MAPPER, ours("selectTaskByQueryCriteria"));
		Configuration sql = engine.getSqlSessionFactory().getConfiguration();
		if (!sql.hasStatement(ours(AUTHORIZATION_CHECK), false)) {
			MappedStatement engines = sql.getMappedStatement(AUTHORIZATION_CHECK);
			sql.addMappedStatement(AuthorizationCheckTemplates.statement(sql, engines, ours(AUTHORIZATION_CHECK),
					AuthorizationCheckTemplates.CAPACITY));
		}
		use(engine.getDbSqlSessionFactory(), true);
	}

	/** Our statement for one of the engine's (a name of its own: a second one of the same name would be ambiguous). */
	static String ours(String statement) {
		return STATEMENTS.get(statement);
	}

	/**
	 * Points the engine's statement names at ours ({@code true}) or back at the engine's own. The engine's table of
	 * statement names per database is shared by every engine in the JVM, so each engine gets a copy of its own.
	 */
	static void use(DbSqlSessionFactory factory, boolean exists) {
		Map<String, String> mappings = factory.getStatementMappings() == null ? new HashMap<>()
				: new HashMap<>(factory.getStatementMappings());
		STATEMENTS.forEach((statement, ours) -> {
			if (exists) {
				mappings.put(statement, ours);
			}
			else {
				mappings.remove(statement);
			}
		});
		factory.setStatementMappings(mappings);
	}
}
