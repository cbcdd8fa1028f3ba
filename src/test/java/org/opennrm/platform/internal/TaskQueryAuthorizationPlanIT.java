package org.opennrm.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.opennrm.security.RunAs;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.IntegrationTest;
import org.opennrm.test.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How PostgreSQL runs our task statements (ADR 30): the grant on each task is checked by an index probe per task the
 * statement reaches, never by hashing every grant of the user's groups. Hashing reads a grant per task of the groups'
 * queues whatever the page needs, and the planner picks it for a page of fifteen when left to itself; the
 * statements' {@code offset} rules it out. The plans are PostgreSQL's own (EXPLAIN) for the statements exactly as the
 * engine binds them for a signed-in caseworker.
 */
@IntegrationTest
class TaskQueryAuthorizationPlanIT {

	/** What PostgreSQL shows for a probe of the grants by the task's id; a hashed check shows no such condition. */
	static final String PROBE_BY_TASK = "(resource_id_)::text = (res.id_)::text";

	@Autowired
	ProcessEngineConfiguration engineConfiguration;

	@Autowired
	TaskService taskService;

	@Autowired
	DataSource dataSource;

	@Autowired
	RunAs runAs;

	@Autowired
	CaseJourney journey;

	@Test
	void tasklists_page_and_count_probe_the_grant_of_each_task_instead_of_hashing_every_grant_of_the_users_groups() {
		assumeTrue(TestDatabase.isPostgres(), "the plans are PostgreSQL's; H2 checks a subquery row by row anyway");
		for (int i = 0; i < 12; i++) {
			this.journey.open("demo-ngo", CaseJourney.ADULT_BY_NGO);
		}
		new JdbcTemplate(this.dataSource).execute("analyze");

		UnaryOperator<TaskQuery> groupFilter = query -> query.taskCandidateGroup("ngo").includeAssignedTasks()
			.orderByTaskCreateTime().desc();
		String page = plan("demo-ngo", "selectTaskByQueryCriteria", groupFilter);
		String count = plan("demo-ngo", "selectTaskCountByQueryCriteria", groupFilter);

		assertThat(page).as("Tasklist's page of a group filter").contains(PROBE_BY_TASK);
		assertThat(count).as("its count").contains(PROBE_BY_TASK);
	}

	/** PostgreSQL's plan for the statement the engine runs for this query as this user, with the engine's bindings. */
	private String plan(String user, String statement, UnaryOperator<TaskQuery> criteria) {
		TaskQueryImpl query = (TaskQueryImpl) criteria.apply(this.taskService.createTaskQuery());
		query.setFirstResult(0);
		query.setMaxResults(15);
		ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) this.engineConfiguration;
		return this.runAs.user(user, () -> engine.getCommandExecutorTxRequired().execute(context -> {
			context.getAuthorizationManager().configureTaskQuery(query);
			MappedStatement mapped = engine.getSqlSessionFactory().getConfiguration()
				.getMappedStatement(engine.getDbSqlSessionFactory().mapStatement(statement));
			assertThat(mapped.getId()).as("the engine runs our statement")
				.isEqualTo(TaskQueryAuthorizationOverlay.ours(statement));
			BoundSql sql = mapped.getBoundSql(query);
			try (Connection connection = this.dataSource.getConnection();
					PreparedStatement explain = connection.prepareStatement("explain " + sql.getSql())) {
				mapped.getConfiguration().newParameterHandler(mapped, query, sql).setParameters(explain);
				StringJoiner plan = new StringJoiner("\n");
				try (ResultSet rows = explain.executeQuery()) {
					while (rows.next()) {
						plan.add(rows.getString(1));
					}
				}
				return plan.toString();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}));
	}
}
