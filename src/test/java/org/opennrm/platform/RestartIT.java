package org.opennrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennrm.cases.Cases;
import org.opennrm.test.ServiceRuns;
import org.opennrm.test.TestDatabase;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A restart on the same database, as on the embedded default (H2 file under a data folder) or on PostgreSQL: cases
 * survive, unchanged models create no deployment and no new process version, demo data is seeded once.
 */
class RestartIT {

	@Test
	void a_restart_with_unchanged_models_deploys_nothing_and_keeps_every_case(@TempDir Path data) throws Exception {
		if (TestDatabase.isPostgres()) {
			try (EmbeddedPostgres postgres = TestDatabase.startPostgres()) {
				restartOn(Map.of("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
						"spring.datasource.username", "postgres", "spring.datasource.password", "postgres"));
			}
		}
		else {
			restartOn(ServiceRuns.h2In(data));
		}
	}

	private void restartOn(Map<String, Object> database) {
		State first;
		try (ConfigurableApplicationContext run = ServiceRuns.start("demo", database)) {
			first = State.of(run);
		}
		State second;
		try (ConfigurableApplicationContext run = ServiceRuns.start("demo", database)) {
			second = State.of(run);
		}

		assertThat(first.cases()).isGreaterThanOrEqualTo(5);
		assertThat(first.deployments()).isGreaterThan(0);
		assertThat(second).isEqualTo(first);
	}

	record State(long deployments, Map<String, Integer> versions, long cases, long users) {

		static State of(ConfigurableApplicationContext context) {
			RepositoryService repository = context.getBean(RepositoryService.class);
			Map<String, Integer> versions = new TreeMap<>();
			for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
				versions.put(definition.getKey(), definition.getVersion());
			}
			return new State(repository.createDeploymentQuery().count(), versions,
					context.getBean(Cases.class).count(),
					context.getBean(IdentityService.class).createUserQuery().count());
		}
	}
}
