package org.opennrm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.test.Api;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.IntegrationTest;
import org.opennrm.test.TestUsers;
import org.opennrm.test.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Taking a caseworker out of their agency's group, or deleting them, takes effect within seconds on every path: at
 * once on our API (the change, made through the engine, forgets the node's kept HTTP Basic sign-ins, ADR 21), and in
 * a Tasklist session that was signed in before within the sessions' revalidation (5 s, ADR 22), which then ends the
 * user's sessions (Camunda's default would keep the old groups for five minutes).
 */
@IntegrationTest
class RevocationIT {

	private static final String PASSWORD = "Xk7#vQ2-pL9!mZ";

	private static final String GROUP = "police";

	/** The webapps' cache lives 5 s (application.yml); with the next request's round trip this is the promise. */
	private static final Duration WITHIN_SECONDS = Duration.ofSeconds(10);

	private static final String POLICE_TASKS_IN_TASKLIST = "/camunda/api/engine/engine/default/task/count?candidateGroup="
			+ GROUP;

	@Autowired
	Api api;

	@Autowired
	CaseJourney journey;

	@Autowired
	IdentityService identityService;

	@BeforeEach
	void aPoliceTaskIsWaiting() {
		// Opening a case gives police a screening task.
		this.journey.open("demo-police", CaseJourney.ADULT_BY_POLICE);
	}

	@AfterEach
	void forgetTheProbeUsers() {
		for (String userId : new String[] { "revoked-api", "deleted-api", "revoked-tasklist", "deleted-tasklist" }) {
			this.identityService.deleteUser(userId);
		}
	}

	@Test
	void leaving_the_group_removes_its_tasks_from_our_api_at_the_next_request() {
		TestUsers.ensureWithPassword(this.identityService, "revoked-api", PASSWORD, GROUP);
		Api.Client officer = this.api.as("revoked-api", PASSWORD);
		assertThat(groupTasksViaApi(officer)).isPositive();

		this.identityService.deleteMembership("revoked-api", GROUP);

		assertThat(groupTasksViaApi(officer)).isZero();
	}

	@Test
	void a_deleted_user_is_refused_by_our_api_at_the_next_request() {
		TestUsers.ensureWithPassword(this.identityService, "deleted-api", PASSWORD, GROUP);
		Api.Client officer = this.api.as("deleted-api", PASSWORD);
		assertThat(officer.get("/api/tasks").status()).isEqualTo(200);

		this.identityService.deleteUser("deleted-api");

		assertThat(officer.get("/api/tasks").status()).isEqualTo(401);
	}

	@Test
	void leaving_the_group_removes_its_tasks_from_a_signed_in_tasklist_within_seconds() {
		TestUsers.ensureWithPassword(this.identityService, "revoked-tasklist", PASSWORD, GROUP);
		WebappSession tasklist = WebappSession.signIn(this.api, "tasklist", "revoked-tasklist", PASSWORD);
		assertThat(tasklist.getJson(POLICE_TASKS_IN_TASKLIST).path("count").asLong()).isPositive();

		this.identityService.deleteMembership("revoked-tasklist", GROUP);

		await().atMost(WITHIN_SECONDS)
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(groupTasksInTasklist(tasklist)).isZero());
		// Not only fewer tasks: a change of groups ends the user's sessions (ADR 22).
		assertThat(tasklist.get(POLICE_TASKS_IN_TASKLIST).status()).isEqualTo(401);
	}

	@Test
	void a_deleted_user_is_signed_out_of_tasklist_within_seconds() {
		TestUsers.ensureWithPassword(this.identityService, "deleted-tasklist", PASSWORD, GROUP);
		WebappSession tasklist = WebappSession.signIn(this.api, "tasklist", "deleted-tasklist", PASSWORD);
		assertThat(tasklist.get(POLICE_TASKS_IN_TASKLIST).status()).isEqualTo(200);

		this.identityService.deleteUser("deleted-tasklist");

		await().atMost(WITHIN_SECONDS)
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(tasklist.get(POLICE_TASKS_IN_TASKLIST).status()).isIn(401, 403));
		assertThat(tasklist.get("/camunda/api/admin/auth/user/default").status()).isIn(401, 403, 404);
	}

	/** The group's tasks the user sees through our API; a user with no agency may see no task list at all. */
	private static long groupTasksViaApi(Api.Client user) {
		Api.Response response = user.get("/api/tasks?maxResults=100");
		if (response.status() == 403) {
			return 0;
		}
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json().path("total").asLong();
	}

	private static long groupTasksInTasklist(WebappSession tasklist) {
		Api.Response response = tasklist.get(POLICE_TASKS_IN_TASKLIST);
		if (response.status() == 401 || response.status() == 403) {
			return 0;
		}
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json().path("count").asLong();
	}
}
