package org.opennrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.opennrm.security.Role;
import org.opennrm.test.ServiceRuns;
import org.opennrm.test.TestDatabase;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The production profile that docker-compose uses ({@code config/application-postgres.yml}), started exactly as the
 * container starts it: connection and first administrator from the environment, no demo users, no API page.
 */
@EnabledIfSystemProperty(named = "nrm.test.database", matches = "postgres")
class PostgresProfileIT {

	@Test
	void the_postgres_profile_starts_from_environment_variables_alone() throws Exception {
		try (EmbeddedPostgres postgres = TestDatabase.startPostgres();
				ConfigurableApplicationContext run = ServiceRuns.start("postgres",
						Map.of("NRM_DB_URL", postgres.getJdbcUrl("postgres", "postgres"), "NRM_DB_USER", "postgres",
								"NRM_DB_PASSWORD", "postgres", "NRM_ADMIN_USER", "first.admin", "NRM_ADMIN_PASSWORD",
								"Tq8!vR3#mW6-zL1"))) {
			IdentityService identity = run.getBean(IdentityService.class);
			Environment environment = run.getEnvironment();

			assertThat(identity.createUserQuery().memberOfGroup(Role.ADMIN.groupId()).list())
				.extracting(user -> user.getId())
				.containsExactly("first.admin");
			assertThat(identity.createUserQuery().count()).isEqualTo(1);
			assertThat(environment.getProperty("springdoc.swagger-ui.enabled", Boolean.class)).isFalse();
			assertThat(environment.getProperty("server.servlet.session.cookie.secure", Boolean.class)).isTrue();
			assertThat(environment.getProperty("spring.datasource.url")).startsWith("jdbc:postgresql:");
		}
	}
}
