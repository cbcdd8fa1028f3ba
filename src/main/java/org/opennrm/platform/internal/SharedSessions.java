package org.opennrm.platform.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FlushMode;
import org.springframework.session.SaveMode;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sessions shared by every node (ADR 31): Spring Boot configures Spring Session JDBC from {@code spring.session.jdbc}
 * (table {@code nrm_session}, migration V14, shared with the sign-in of ADR 22) and the cookie from
 * {@code server.servlet.session.cookie}; this class holds the rest of the session setup, so that it stays in one place.
 * <p>
 * A request writes back the attributes it set ({@link SaveMode#ON_SET_ATTRIBUTE}), at its end
 * ({@link FlushMode#ON_SAVE}): the next request, on whichever node, sees what this one left. Every object kept in a
 * session is set again when it changes: ours (the sign-in's times and method, the webapps' authentications, a pending
 * enrolment), Spring Security's (its context, which it saves when the sign-in changes) and the webapps' own (their
 * authentication filter sets its authentications again at the end of every request, whatever changed in them). A
 * request therefore no longer writes back everything it only read: the security context, the sign-in's times and the
 * webapps' CSRF token were rewritten on every Tasklist request.
 */
@Configuration(proxyBeanMethods = false)
class SharedSessions {

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionsWrittenBackAsTheyWereSet() {
		return repository -> {
			repository.setSaveMode(SaveMode.ON_SET_ATTRIBUTE);
			repository.setFlushMode(FlushMode.ON_SAVE);
		};
	}
}
