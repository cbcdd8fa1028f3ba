package org.opennrm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.opennrm.test.Api;
import org.opennrm.test.IntegrationTest;
import org.opennrm.test.TestDatabase;
import org.opennrm.test.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * A request writes back the session attributes it set, not every one it read (ADR 31, {@code SharedSessions}): a
 * Tasklist request used to rewrite the security context, the sign-in's times and the webapps' CSRF token.
 */
@IntegrationTest
class SharedSessionsIT {

	private static final String TASK_COUNT = "/camunda/api/engine/engine/default/task/count";

	/** Set again when the sign-in is checked against the identity store, and when the webapps' copy is renewed. */
	private static final String CHECKED = "nrm.checkedAt";

	private static final String WEBAPP_COPY = "nrm.webappSignInAt";

	@Autowired
	Api api;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void a_tasklist_request_writes_back_only_what_it_set() {
		assumeTrue(TestDatabase.isPostgres(), "a row's version (xmin) is PostgreSQL's");
		WebappSession tasklist = WebappSession.freshSignIn(this.api, "tasklist", "demo-social", Api.DEMO_PASSWORD);
		assertThat(tasklist.get(TASK_COUNT).status()).isEqualTo(200);
		Map<String, String> before = rowVersions("demo-social");

		assertThat(tasklist.get(TASK_COUNT).status()).isEqualTo(200);
		Map<String, String> after = rowVersions("demo-social");

		assertThat(after).containsOnlyKeys(before.keySet());
		Set<String> rewritten = before.keySet().stream()
			.filter(name -> !before.get(name).equals(after.get(name)))
			.collect(Collectors.toSet());
		// The webapps set their authentications again at the end of every request; the sign-in's check and the webapps'
		// copy of the sign-in are set again when they are due (every few seconds), which two requests may straddle.
		assertThat(rewritten).contains("authenticatedUser").isSubsetOf("authenticatedUser", CHECKED, WEBAPP_COPY);
		// Read by every request, set by none after the sign-in: the security context, the sign-in's time and method,
		// the webapps' CSRF token (named after the webapps: Camunda's or Operaton's).
		assertThat(before.keySet()).contains("SPRING_SECURITY_CONTEXT", "nrm.signedInAt", "nrm.signInMethod")
			.anyMatch(name -> name.endsWith("_CSRF_TOKEN"));
	}

	/** PostgreSQL gives a row a new version (xmin) with every update: each attribute's, in the user's latest session. */
	private Map<String, String> rowVersions(String userId) {
		Map<String, String> versions = new HashMap<>();
		this.jdbc.query("""
				select attribute_name, xmin::text from nrm_session_attributes
				where session_primary_id = (select primary_id from nrm_session where principal_name = ?
				                            order by creation_time desc limit 1)""",
				(RowCallbackHandler) row -> versions.put(row.getString(1), row.getString(2)), userId);
		return versions;
	}
}
