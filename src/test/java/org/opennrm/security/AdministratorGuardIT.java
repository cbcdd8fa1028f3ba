package org.opennrm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.opennrm.test.ServiceRuns;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Production start-up refuses to run without an administrator or with an administrator password left at a default.
 * Start-up logic is the same on every database; this runs on H2 only to keep the suite short.
 */
@DisabledIfSystemProperty(named = "nrm.test.database", matches = "postgres")
class AdministratorGuardIT {

	static final String STRONG = "Tq8!vR3#mW6-zL1";

	@Test
	void without_any_administrator_the_service_refuses_to_start() {
		assertThatThrownBy(() -> ServiceRuns.start("test", production(ServiceRuns.freshH2(), null, null)).close())
			.hasStackTraceContaining("Refusing to start without an administrator");
	}

	@Test
	void a_bootstrap_administrator_with_a_well_known_password_is_refused_before_anything_is_written()
			throws SQLException {
		Map<String, Object> database = ServiceRuns.freshH2();
		assertThatThrownBy(() -> ServiceRuns.start("test", production(database, "root", "admin")).close())
			.hasStackTraceContaining("well-known default");
		assertThat(tables(database)).as("tables after the refused start").isZero();
		assertThatThrownBy(
				() -> ServiceRuns.start("test", production(ServiceRuns.freshH2(), "root", "Nrm-Demo-2026!")).close())
			.hasStackTraceContaining("well-known default");
	}

	@Test
	void a_bootstrap_administrator_with_a_weak_password_is_refused() {
		assertThatThrownBy(() -> ServiceRuns.start("test", production(ServiceRuns.freshH2(), "root", "short1")).close())
			.hasStackTraceContaining("password policy");
	}

	@Test
	void a_strong_bootstrap_administrator_is_created_in_the_administrators_group() {
		try (ConfigurableApplicationContext run = ServiceRuns.start("test",
				production(ServiceRuns.freshH2(), "root", STRONG))) {
			IdentityService identity = run.getBean(IdentityService.class);
			assertThat(identity.createUserQuery().userId("root").memberOfGroup(Role.ADMIN.groupId()).count())
				.isEqualTo(1);
			assertThat(identity.checkPassword("root", STRONG)).isTrue();
		}
	}

	@Test
	void demo_administrators_on_a_production_start_are_refused(@TempDir Path data) throws Exception {
		Map<String, Object> database = ServiceRuns.h2In(data);
		ServiceRuns.start("demo", database).close();

		assertThatThrownBy(() -> ServiceRuns.start("test", production(database, "root", STRONG)).close())
			.hasStackTraceContaining("still use a well-known default password")
			.hasStackTraceContaining("demo-admin");
	}

	/** The tables in the database's own schema: the in-memory database outlives the refused start (DB_CLOSE_DELAY). */
	private static long tables(Map<String, Object> database) throws SQLException {
		try (Connection connection = DriverManager.getConnection((String) database.get("spring.datasource.url"), "sa",
				"");
				Statement statement = connection.createStatement();
				ResultSet count = statement
					.executeQuery("select count(*) from information_schema.tables where table_schema = 'PUBLIC'")) {
			count.next();
			return count.getLong(1);
		}
	}

	private static Map<String, Object> production(Map<String, Object> database, String adminUser, String adminPassword) {
		Map<String, Object> properties = new HashMap<>(database);
		properties.put("nrm.security.refuse-default-admin-passwords", true);
		properties.put("nrm.security.require-administrator", true);
		if (adminUser != null) {
			properties.put("nrm.security.bootstrap-admin.user-id", adminUser);
			properties.put("nrm.security.bootstrap-admin.password", adminPassword);
		}
		return properties;
	}
}
