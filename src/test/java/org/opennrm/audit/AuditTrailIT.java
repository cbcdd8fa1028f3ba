package org.opennrm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennrm.test.Api.body;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.test.Api;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.IntegrationTest;
import org.opennrm.test.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit trail as an auditor uses it: what a case's agencies did, decided and read lands in it on every path, in
 * the same transaction; auditors reconstruct a case and a user's period from it, see that a section was read but
 * not what it holds, and catch a row edited or deleted behind the service's back.
 */
@IntegrationTest
class AuditTrailIT {

	static final String MARKER = "Audit-Marker-Jelena";

	@Autowired
	Api api;

	@Autowired
	CaseJourney journey;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IdentityService identityService;

	String reference;

	Instant started;

	@BeforeEach
	void aScreenedCaseWhoseIdentitySocialServicesRead() {
		this.started = Instant.now().minus(1, ChronoUnit.SECONDS);
		this.reference = this.journey.open("demo-police", CaseJourney.ADULT_BY_POLICE);
		this.journey.complete("demo-police", this.reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS,
				CaseJourney.ADULT_LABOUR_INDICATORS);
		assertThat(this.api.as("demo-police")
			.put("/api/cases/" + this.reference + "/file/identity", body("firstName", MARKER))
			.status()).isEqualTo(200);
		assertThat(this.api.as("demo-police").get("/api/cases/" + this.reference + "/file/identity").status())
			.isEqualTo(200);
	}

	@Test
	void a_cases_timeline_shows_who_opened_claimed_completed_decided_and_read_what_but_no_content() {
		Api.Response response = this.api.as("demo-auditor").get("/api/audit/cases/" + this.reference + "/timeline");

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.body()).doesNotContain(MARKER);
		List<JsonNode> items = new ArrayList<>();
		response.json().forEach(items::add);
		assertThat(items).anySatisfy(item -> {
			assertThat(item.path("type").asText()).isEqualTo("CaseOpened");
			assertThat(item.path("actor").asText()).isEqualTo("demo-police");
		});
		assertThat(items).anySatisfy(item -> {
			assertThat(item.path("type").asText()).isEqualTo("TaskOperation");
			assertThat(item.path("actor").asText()).isEqualTo("demo-police");
			assertThat(item.path("detail").asText()).startsWith("Claim");
		});
		assertThat(items).anySatisfy(item -> {
			assertThat(item.path("type").asText()).isEqualTo("TaskOperation");
			assertThat(item.path("detail").asText()).startsWith("Complete");
		});
		assertThat(items).as("the decision with its inputs and model version").anySatisfy(item -> {
			assertThat(item.path("type").asText()).isEqualTo("Decision");
			assertThat(item.path("subject").asText()).matches("ScreeningRecommendation version \\d+");
			assertThat(item.path("detail").asText()).contains("inputs:").contains("outputs:");
		});
		assertThat(items).anySatisfy(item -> {
			assertThat(item.path("type").asText()).isEqualTo("SectionRead");
			assertThat(item.path("subject").asText()).isEqualTo("identity");
			assertThat(item.path("actor").asText()).isEqualTo("demo-police");
			assertThat(item.path("purpose").asText()).isNotBlank();
		});
		assertThat(items).as("the engine's own history is merged in").anySatisfy(item -> {
			assertThat(item.path("source").asText()).isEqualTo("engine");
			assertThat(item.path("type").asText()).isEqualTo("Activity");
		});
	}

	@Test
	void the_timeline_filters_by_user_and_type_and_the_auditors_own_reads_are_audited() {
		JsonNode reads = this.api.as("demo-auditor")
			.get("/api/audit/cases/" + this.reference + "/timeline?type=SectionRead&user=demo-police")
			.json();

		assertThat(reads).isNotEmpty().allSatisfy(item -> {
			assertThat(item.path("type").asText()).isEqualTo("SectionRead");
			assertThat(item.path("actor").asText()).isEqualTo("demo-police");
		});
		JsonNode auditorsOwn = this.api.as("demo-auditor")
			.get("/api/audit/users/demo-auditor/activity?type=AuditRead&from=" + this.started + "&to="
					+ Instant.now().plusSeconds(60))
			.json();
		assertThat(auditorsOwn).anySatisfy(item -> assertThat(item.path("subject").asText()).isEqualTo("case timeline"));
	}

	@Test
	void everything_a_user_did_or_read_in_a_period() {
		Api.Response activity = this.api.as("demo-auditor").get("/api/audit/users/demo-police/activity?from="
				+ this.started + "&to=" + Instant.now().plusSeconds(60));

		assertThat(activity.status()).isEqualTo(200);
		assertThat(activity.json()).extracting(item -> item.path("type").asText())
			.contains("CaseOpened", "TaskOperation", "SectionWritten", "SectionRead");
		assertThat(this.api.as("demo-auditor").get("/api/audit/users/demo-police/activity?from="
				+ Instant.now().plusSeconds(60) + "&to=" + this.started).status()).isEqualTo(400);
	}

	@Test
	void only_auditors_read_the_trail() {
		for (String caller : List.of("demo-police", "demo-social", "demo-supervisor", "demo-admin")) {
			assertThat(this.api.as(caller).get("/api/audit/cases/" + this.reference + "/timeline").status())
				.as(caller).isEqualTo(403);
		}
		assertThat(this.api.anonymous().get("/api/audit/verification").status()).isEqualTo(401);
		assertThat(this.api.as("demo-police").get("/api/audit/verification").status()).isEqualTo(403);
	}

	@Test
	void a_csv_export_is_safe_to_open_in_a_spreadsheet_and_is_itself_audited() {
		Api.Response csv = this.api.as("demo-auditor")
			.get("/api/audit/cases/" + this.reference + "/timeline?format=csv");

		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.headers().getContentType().toString()).startsWith("text/csv");
		assertThat(csv.headers().getContentDisposition().getFilename()).isEqualTo("timeline-" + this.reference + ".csv");
		assertThat(csv.body()).as("a byte-order mark, then the headers as programs read them")
			.startsWith("\uFEFF\"at\",\"source\",\"type\"")
			.contains("\"SectionRead\"")
			.doesNotContain(MARKER);
		assertThat(lastEntry().get("type")).isEqualTo("Export");
	}

	@Test
	void failed_and_successful_sign_ins_are_recorded_without_the_password() {
		// A user of its own: a failed login slows down that user's next sign-ins (login throttling).
		User user = this.identityService.newUser("audit-throttled");
		user.setPassword(Api.DEMO_PASSWORD);
		this.identityService.saveUser(user);
		try {
			assertThat(this.api.as("audit-throttled", "wrong-password-1").get("/api/tasks").status()).isEqualTo(401);
		}
		finally {
			this.identityService.deleteUser("audit-throttled");
		}
		Map<String, Object> failed = lastEntry();
		assertThat(failed.get("type")).isEqualTo("LoginFailed");
		assertThat(failed.get("actor")).isEqualTo("audit-throttled");
		assertThat(failed.get("subject")).isEqualTo("api");
		assertThat(this.jdbc.queryForObject("select count(*) from nrm_audit_content where detail like '%wrong-password%' "
				+ "or purpose like '%wrong-password%'", Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from nrm_audit_entry where subject like '%wrong-password%'",
				Integer.class)).isZero();

		// One sign-in page for the pages and the webapps (ADR 21).
		WebappSession.signIn(this.api, "tasklist", "demo-ngo", Api.DEMO_PASSWORD);
		assertThat(this.jdbc.queryForObject("select count(*) from nrm_audit_entry where type = 'Login' "
				+ "and actor = 'demo-ngo' and subject = 'sign-in'", Integer.class)).isPositive();
	}

	@Test
	void a_change_of_users_or_groups_is_recorded_with_who_made_it() {
		Api.Response created = this.api.as("demo-admin").post("/engine-rest/user/create",
				body("profile", body("id", "audit-new-user", "firstName", "New", "lastName", "User"), "credentials",
						body("password", "Audit-Pass-2026!")));
		assertThat(created.status()).as(created.toString()).isIn(200, 204);
		try {
			assertThat(this.jdbc.queryForObject("select count(*) from nrm_audit_entry where type = 'IdentityChange' "
					+ "and actor = 'demo-admin' and subject like 'User%'", Integer.class)).isPositive();
			assertThat(this.jdbc.queryForObject("select count(*) from nrm_audit_content where detail like "
					+ "'%Audit-Pass-2026%'", Integer.class)).isZero();
		}
		finally {
			this.api.as("demo-admin").delete("/engine-rest/user/audit-new-user");
		}
	}

	@Test
	void a_rejected_completion_leaves_no_entry_of_its_own() {
		String task = this.journey.task("demo-police", this.reference,
				VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME).path("id").asText();
		assertThat(this.api.as("demo-police").post("/api/tasks/" + task + "/claim").status()).isEqualTo(204);
		long before = lastSequence();

		Api.Response refused = this.api.as("demo-police").post("/api/tasks/" + task + "/complete",
				body("presumedVictim", "perhaps"));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(lastSequence()).isEqualTo(before);
	}

	@Test
	void verification_finds_an_edited_row_and_a_deleted_row_and_nothing_when_intact() {
		assertThat(verification().path("intact").asBoolean()).isTrue();
		long target = lastSequence() - 3;
		Map<String, Object> original = this.jdbc.queryForMap("select * from nrm_audit_entry where sequence = ?", target);

		this.jdbc.update("update nrm_audit_entry set actor = 'someone-else' where sequence = ?", target);
		try {
			JsonNode edited = verification();
			assertThat(edited.path("intact").asBoolean()).isFalse();
			assertThat(edited.path("firstBroken").asLong()).isEqualTo(target);
			assertThat(edited.path("problem").asText()).contains("changed");
		}
		finally {
			this.jdbc.update("update nrm_audit_entry set actor = ? where sequence = ?", original.get("actor"), target);
		}

		this.jdbc.update("delete from nrm_audit_entry where sequence = ?", target);
		try {
			JsonNode deleted = verification();
			assertThat(deleted.path("intact").asBoolean()).isFalse();
			assertThat(deleted.path("firstBroken").asLong()).isEqualTo(target);
		}
		finally {
			this.jdbc.update("insert into nrm_audit_entry (sequence, at, actor, type, case_key, process_instance_id, "
					+ "subject, content_digest, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					original.get("sequence"), original.get("at"), original.get("actor"), original.get("type"),
					original.get("case_key"), original.get("process_instance_id"), original.get("subject"),
					original.get("content_digest"), original.get("previous_hash"), original.get("hash"));
		}
		assertThat(verification().path("intact").asBoolean()).as("restored").isTrue();

		String purpose = this.jdbc.queryForObject("select purpose from nrm_audit_content where sequence = ?",
				String.class, target);
		this.jdbc.update("update nrm_audit_content set purpose = 'a different reason' where sequence = ?", target);
		try {
			JsonNode reworded = verification();
			assertThat(reworded.path("intact").asBoolean()).isFalse();
			assertThat(reworded.path("firstBroken").asLong()).isEqualTo(target);
			assertThat(reworded.path("problem").asText()).contains("purpose or detail");
		}
		finally {
			this.jdbc.update("update nrm_audit_content set purpose = ? where sequence = ?", purpose, target);
		}
		assertThat(verification().path("intact").asBoolean()).isTrue();
	}

	private JsonNode verification() {
		Api.Response response = this.api.as("demo-auditor").get("/api/audit/verification");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private long lastSequence() {
		return this.jdbc.queryForObject("select max(sequence) from nrm_audit_entry", Long.class);
	}

	private Map<String, Object> lastEntry() {
		// Spring's column map ignores the case of column names, as H2 and PostgreSQL spell them differently.
		return this.jdbc.queryForMap("select * from nrm_audit_entry where sequence = ?", lastSequence());
	}
}
