package org.opennrm.platform.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FlushMode;
import org.springframework.session.SaveMode;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sessions shared by every node (ADR 31): Spring Boot configures Spring Session JDBC from {@code spring.session.jdbc}
 * (table {@code nrm_session}, migration V14, shared with the sign-in of ADR 22) and the cookie from {@code server.servlet.session.cookie}; this class
 * holds the rest of the session setup, so that it stays in one place.
 * <p>
 * The webapps change objects they keep in the session without setting them again (Camunda's authentications record
 * when they were last checked), so attributes that were read are written back ({@link SaveMode#ON_GET_ATTRIBUTE}),
 * at the end of the request ({@link FlushMode#ON_SAVE}): the next request, on whichever node, sees what this one left.
 */
@Configuration(proxyBeanMethods = false)
class SharedSessions {

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionsWrittenBackAsTheyWereUsed() {
		return repository -> {
			repository.setSaveMode(SaveMode.ON_GET_ATTRIBUTE);
			repository.setFlushMode(FlushMode.ON_SAVE);
		};
	}
}
