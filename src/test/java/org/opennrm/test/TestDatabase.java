package org.opennrm.test;

import java.io.IOException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A real PostgreSQL for the integration tests when {@code nrm.test.database=postgres}: the embedded server from Maven
 * Central, started as a bean and stopped when the context closes. Otherwise the H2 of {@code application-test.yml}.
 */
@TestConfiguration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "nrm.test.database", havingValue = "postgres")
public class TestDatabase {

	public static boolean isPostgres() {
		return "postgres".equals(System.getProperty("nrm.test.database"));
	}

	/**
	 * Stopped by its context, after the service has let go of it: with the library's own shutdown hook it would stop
	 * while the contexts are still closing, and their last statements would wait out the pool's 30 s time-out.
	 */
	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres() throws IOException {
		return EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
	}

	@Bean
	@Primary
	DataSource dataSource(EmbeddedPostgres postgres) {
		return pooled(postgres.getJdbcUrl("postgres", "postgres"));
	}

	public static EmbeddedPostgres startPostgres() throws IOException {
		return EmbeddedPostgres.builder().start();
	}

	public static HikariDataSource pooled(String jdbcUrl) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(jdbcUrl);
		config.setUsername("postgres");
		config.setPassword("postgres");
		config.setMaximumPoolSize(10);
		return new HikariDataSource(config);
	}
}
