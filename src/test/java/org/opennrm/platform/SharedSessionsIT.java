package org.opennrm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opennrm.test.Api;
import org.opennrm.test.IntegrationTest;
import org.opennrm.test.TestDatabase;
import org.opennrm.test.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A request writes back the session attributes it set, not every one it read (ADR 31, {@code SharedSessions}): a
 * Tasklist request used to rewrite the security context, the sign-in's times and the webapps' CSRF token.
 */
@IntegrationTest
class SharedSessionsIT {

	private static final String TASK_COUNT = "/camunda/api/engine/engine/default/task/count";

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

		assertThat(after).containsOnlyKeys(before.keySet()).containsKey("SPRING_SECURITY_CONTEXT");
		// Read by every request, set by none after the sign-in.
		assertThat(after.get("SPRING_SECURITY_CONTEXT")).isEqualTo(before.get("SPRING_SECURITY_CONTEXT"));
		// The webapps set their authentications again at the end of every request.
		assertThat(after.get("authenticatedUser")).isNotEqualTo(before.get("authenticatedUser"));
	}

	/** PostgreSQL gives a row a new version (xmin) with every update: each attribute's, in the user's latest session. */
	private Map<String, String> rowVersions(String userId) {
		Map<String, String> versions = new HashMap<>();
		this.jdbc.query("""
				select attribute_name, xmin::text from nrm_session_attributes
				where session_primary_id = (select primary_id from nrm_session where principal_name = ?
				                            order by creation_time desc limit 1)""",
				(java.sql.ResultSet row) -> {
					versions.put(row.getString(1), row.getString(2));
				}, userId);
		return versions;
	}
}
