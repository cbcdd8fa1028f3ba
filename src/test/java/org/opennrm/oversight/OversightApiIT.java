package org.opennrm.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.platform.UserIds;
import org.opennrm.security.Role;
import org.opennrm.test.Api;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.IntegrationTest;
import org.opennrm.test.PublishedEvents;
import org.opennrm.test.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The supervisor workspace's API: who may use it, what it shows, reassignments that are all or nothing, and absences
 * whose cover appears and disappears with the calendar. Every change is published for the audit trail.
 */
@IntegrationTest
class OversightApiIT {

	static final String REASON = "Balancing the authority's workload this week";

	static final List<String> ENDPOINTS = List.of("/api/oversight/cases", "/api/oversight/tasks",
			"/api/oversight/workload", "/api/oversight/escalations", "/api/oversight/absences");

	@Autowired
	Api api;

	@Autowired
	CaseJourney journey;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	PublishedEvents events;

	@Autowired
	FilterService filterService;

	@Autowired
	AuthorizationService authorizationService;

	@Autowired
	JdbcTemplate jdbc;

	String reference;

	String decisionTaskId;

	final List<String> absences = new ArrayList<>();

	@BeforeEach
	void aCaseWaitingForThePreliminaryDecision() {
		TestUsers.ensure(this.identityService, "authority-two", Role.AUTHORITY.groupId());
		TestUsers.ensure(this.identityService, "authority-three", Role.AUTHORITY.groupId());
		this.reference = this.journey.open("demo-police", CaseJourney.ADULT_BY_POLICE);
		this.journey.complete("demo-police", this.reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS,
				CaseJourney.ADULT_LABOUR_INDICATORS);
		this.journey.complete("demo-police", this.reference,
				VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME, Api.body("presumedVictim", true));
		this.decisionTaskId = this.journey
			.task("demo-authority", this.reference, VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS)
			.path("id")
			.asText();
	}

	@AfterEach
	void restoreTheClockAndEndAbsences() {
		ClockUtil.reset();
		this.absences.forEach(id -> this.api.as("demo-supervisor").delete("/api/oversight/absences/" + id));
		this.api.as("demo-supervisor").get("/api/oversight/absences");
	}

	@Test
	void only_supervisors_use_the_workspace_and_anonymous_callers_must_sign_in() {
		for (String endpoint : ENDPOINTS) {
			assertThat(this.api.as("demo-supervisor").get(endpoint).status()).as(endpoint).isEqualTo(200);
			assertThat(this.api.anonymous().get(endpoint).status()).as(endpoint).isEqualTo(401);
			for (Role role : Role.values()) {
				if (role != Role.SUPERVISOR) {
					assertThat(this.api.as(demoUser(role)).get(endpoint).status()).as("%s %s", role, endpoint)
						.isEqualTo(403);
				}
			}
		}
		Map<String, Object> reassignment = Api.body("taskIds", List.of(this.decisionTaskId), "assignee",
				"authority-two", "reason", REASON);
		assertThat(this.api.as("demo-authority").post("/api/oversight/reassignments", reassignment).status())
			.isEqualTo(403);
		assertThat(this.api.anonymous().post("/api/oversight/reassignments", reassignment).status()).isEqualTo(401);
		assertThat(this.api.as("demo-coordinator")
			.post("/api/oversight/absences", absence("authority-two", "authority-three", 0, 1))
			.status()).isEqualTo(403);
		assertThat(this.taskService.createTaskQuery().taskId(this.decisionTaskId).singleResult().getAssignee())
			.isNull();
	}

	@Test
	void open_cases_are_counted_by_stage_lead_agency_and_jurisdiction() {
		JsonNode counts = this.api.as("demo-supervisor").get("/api/oversight/cases").json();

		assertThat(counts.path("total").asLong()).isPositive();
		assertThat(counts.at("/byStage/Presumed").asLong()).isPositive();
		assertThat(counts.at("/byLeadAgency/police").asLong()).isPositive();
		assertThat(counts.at("/byJurisdiction/coe").asLong()).isEqualTo(counts.path("total").asLong());
	}

	@Test
	void a_task_is_due_soon_after_its_reminder_and_overdue_after_its_deadline() {
		Task task = this.taskService.createTaskQuery().taskId(this.decisionTaskId).singleResult();
		Date due = task.getDueDate();

		assertThat(idsOf("/api/oversight/tasks?state=due-soon")).doesNotContain(this.decisionTaskId);
		ClockUtil.setCurrentTime(new Date(due.getTime() - Duration.ofHours(1).toMillis()));
		JsonNode dueSoon = find("/api/oversight/tasks?state=due-soon", this.decisionTaskId);
		assertThat(dueSoon.path("deadlineState").asText()).isEqualTo("DueSoon");
		assertThat(dueSoon.path("caseReference").asText()).isEqualTo(this.reference);
		assertThat(dueSoon.path("candidateGroups").toString()).contains("authority");
		assertThat(idsOf("/api/oversight/tasks?state=overdue")).doesNotContain(this.decisionTaskId);

		ClockUtil.setCurrentTime(new Date(due.getTime() + Duration.ofHours(1).toMillis()));
		assertThat(find("/api/oversight/tasks?state=overdue", this.decisionTaskId).path("deadlineState").asText())
			.isEqualTo("Overdue");
		assertThat(idsOf("/api/oversight/tasks?state=due-soon")).doesNotContain(this.decisionTaskId);
		assertThat(this.api.as("demo-supervisor").get("/api/oversight/tasks?state=late").status()).isEqualTo(400);
	}

	@Test
	void workload_and_escalations_show_the_demo_cases_overdue_decision() {
		JsonNode workload = this.api.as("demo-supervisor").get("/api/oversight/workload").json();
		assertThat(workload.path("groups").findValuesAsText("group")).contains("authority", "police", "supervisor");

		JsonNode escalations = this.api.as("demo-supervisor").get("/api/oversight/escalations").json();
		assertThat(escalations.findValuesAsText("taskType")).contains("Task_FollowUpOverdueTask");
		assertThat(escalations.findValuesAsText("overdueTaskName")).isNotEmpty();
		JsonNode overdue = this.api.as("demo-supervisor").get("/api/oversight/tasks?state=overdue").json();
		assertThat(overdue.findValuesAsText("taskType")).contains(VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS);
		assertThat(overdue.findValues("escalated").stream().anyMatch(JsonNode::asBoolean)).isTrue();
	}

	@Test
	void a_supervisor_reassigns_a_task_with_a_reason_and_the_reassignment_is_published() {
		int before = this.events.of(TasksReassigned.class).size();

		Api.Response response = this.api.as("demo-supervisor").post("/api/oversight/reassignments",
				Api.body("taskIds", List.of(this.decisionTaskId), "assignee", "authority-two", "reason", REASON));

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(assigneeOf(this.decisionTaskId)).isEqualTo("authority-two");
		List<TasksReassigned> published = this.events.of(TasksReassigned.class);
		assertThat(published).hasSize(before + 1);
		TasksReassigned event = published.get(published.size() - 1);
		assertThat(event.by()).isEqualTo("demo-supervisor");
		assertThat(event.reason()).isEqualTo(REASON);
		assertThat(event.at()).isNotNull();
		assertThat(event.tasks()).singleElement().satisfies(moved -> {
			assertThat(moved.taskId()).isEqualTo(this.decisionTaskId);
			assertThat(moved.caseReference()).isEqualTo(this.reference);
			assertThat(moved.from()).isNull();
			assertThat(moved.to()).isEqualTo("authority-two");
		});
		assertThat(this.jdbc.queryForObject("select count(*) from nrm_audit_entry e join nrm_audit_content t "
				+ "on t.sequence = e.sequence where e.type = 'Oversight' and e.actor = 'demo-supervisor' "
				+ "and e.subject = ? and t.purpose = ?", Integer.class,
				"task " + this.decisionTaskId, REASON)).as("in the audit trail").isOne();
		assertThat(this.journey.taskTypes("authority-two", this.reference))
			.contains(VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS);
	}

	@Test
	void a_reassignment_that_fails_for_one_task_changes_none() {
		String policeTask = otherCaseTaskForPolice();
		int before = this.events.of(TasksReassigned.class).size();

		Api.Response wrongGroup = this.api.as("demo-supervisor").post("/api/oversight/reassignments",
				Api.body("taskIds", List.of(this.decisionTaskId, policeTask), "assignee", "authority-two", "reason",
						REASON));
		Api.Response gone = this.api.as("demo-supervisor").post("/api/oversight/reassignments",
				Api.body("taskIds", List.of(this.decisionTaskId, UUID.randomUUID().toString()), "assignee",
						"authority-two", "reason", REASON));
		Api.Response noSuchUser = this.api.as("demo-supervisor").post("/api/oversight/reassignments",
				Api.body("taskIds", List.of(this.decisionTaskId), "assignee", "nobody-here", "reason", REASON));
		Api.Response tooLong = this.api.as("demo-supervisor").post("/api/oversight/reassignments",
				Api.body("taskIds", List.of(this.decisionTaskId), "assignee", "a".repeat(65), "reason", REASON));
		Api.Response shortReason = this.api.as("demo-supervisor").post("/api/oversight/reassignments",
				Api.body("taskIds", List.of(this.decisionTaskId), "assignee", "authority-two", "reason", "because"));
		Api.Response unknownField = this.api.as("demo-supervisor").post("/api/oversight/reassignments",
				Api.body("taskIds", List.of(this.decisionTaskId), "assignee", "authority-two", "reason", REASON,
						"force", true));

		assertThat(wrongGroup.status()).isEqualTo(400);
		assertThat(wrongGroup.json().path("taskId").asText()).isEqualTo(policeTask);
		assertThat(wrongGroup.json().path("detail").asText()).contains(policeTask);
		assertThat(gone.status()).isEqualTo(409);
		assertThat(noSuchUser.status()).isEqualTo(400);
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().at("/errors/assignee").asText()).as(tooLong.toString())
			.isEqualTo("must have between 0 and 64 characters or entries");
		assertThat(shortReason.status()).isEqualTo(400);
		assertThat(shortReason.json().at("/errors/reason").isMissingNode()).isFalse();
		assertThat(unknownField.status()).isEqualTo(400);
		assertThat(assigneeOf(this.decisionTaskId)).as("nothing changed").isNull();
		assertThat(assigneeOf(policeTask)).isNull();
		assertThat(this.events.of(TasksReassigned.class)).hasSize(before);
	}

	@Test
	void a_substitute_covers_an_absent_workers_tasks_while_the_absence_lasts() {
		reassign(this.decisionTaskId, "authority-two");
		assertThat(this.journey.taskTypes("authority-three", this.reference)).isEmpty();

		Api.Response recorded = this.api.as("demo-supervisor")
			.post("/api/oversight/absences", absence("authority-two", "authority-three", 0, 2));
		assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
		String absenceId = recorded.json().path("id").asText();
		this.absences.add(absenceId);

		assertThat(this.journey.taskTypes("authority-three", this.reference))
			.containsExactly(VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS);
		assertThat(this.events.of(AbsenceRecorded.class)).anySatisfy(event -> {
			assertThat(event.absenceId()).isEqualTo(absenceId);
			assertThat(event.substitute()).isEqualTo("authority-three");
			assertThat(event.by()).isEqualTo("demo-supervisor");
		});

		ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(4).toMillis()));
		JsonNode current = this.api.as("demo-supervisor").get("/api/oversight/absences").json();

		assertThat(current.findValuesAsText("id")).doesNotContain(absenceId);
		assertThat(this.journey.taskTypes("authority-three", this.reference)).as("the cover lapsed").isEmpty();
		assertThat(this.events.of(AbsenceEnded.class)).anySatisfy(event -> {
			assertThat(event.absenceId()).isEqualTo(absenceId);
			assertThat(event.by()).isNull();
		});
	}

	@Test
	void an_absence_that_starts_later_covers_nothing_until_it_starts() {
		reassign(this.decisionTaskId, "authority-two");
		Api.Response recorded = this.api.as("demo-supervisor")
			.post("/api/oversight/absences", absence("authority-two", "authority-three", 3, 5));
		this.absences.add(recorded.json().path("id").asText());
		assertThat(this.journey.taskTypes("authority-three", this.reference)).isEmpty();

		ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(4).toMillis()));
		this.api.as("demo-supervisor").get("/api/oversight/absences");

		assertThat(this.journey.taskTypes("authority-three", this.reference))
			.contains(VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS);
	}

	@Test
	void a_task_assigned_to_an_absent_worker_is_covered_at_once_and_ending_the_absence_withdraws_the_cover() {
		Api.Response recorded = this.api.as("demo-supervisor")
			.post("/api/oversight/absences", absence("authority-two", "authority-three", 0, 3));
		String absenceId = recorded.json().path("id").asText();
		this.absences.add(absenceId);

		reassign(this.decisionTaskId, "authority-two");
		assertThat(this.journey.taskTypes("authority-three", this.reference))
			.contains(VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS);
		assertThat(coverFilters()).as("a Tasklist filter for the substitute").isEqualTo(1);

		assertThat(this.api.as("demo-supervisor").delete("/api/oversight/absences/" + absenceId).status())
			.isEqualTo(204);

		assertThat(this.journey.taskTypes("authority-three", this.reference)).isEmpty();
		assertThat(coverFilters()).isZero();
		assertThat(this.authorizationService.createAuthorizationQuery()
			.userIdIn("authority-three")
			.resourceType(Resources.TASK)
			.resourceId(this.decisionTaskId)
			.count()).as("the engine's grant for the cover is gone too").isZero();
		assertThat(this.events.of(AbsenceEnded.class)).anySatisfy(event -> {
			assertThat(event.absenceId()).isEqualTo(absenceId);
			assertThat(event.by()).isEqualTo("demo-supervisor");
		});
		assertThat(this.api.as("demo-supervisor").delete("/api/oversight/absences/" + absenceId).status())
			.isEqualTo(404);
	}

	@Test
	void an_absence_needs_real_colleagues_sensible_days_and_a_reason() {
		int before = this.events.of(AbsenceRecorded.class).size();

		Api.Response otherAgency = this.api.as("demo-supervisor")
			.post("/api/oversight/absences", absence("authority-two", "demo-social", 0, 1));
		Api.Response backwards = this.api.as("demo-supervisor")
			.post("/api/oversight/absences", absence("authority-two", "authority-three", 2, 1));
		Api.Response unknown = this.api.as("demo-supervisor")
			.post("/api/oversight/absences", absence("nobody-here", "authority-three", 0, 1));
		Map<String, Object> noReason = absence("authority-two", "authority-three", 0, 1);
		noReason.remove("reason");
		Api.Response missing = this.api.as("demo-supervisor").post("/api/oversight/absences", noReason);
		Api.Response tooLong = this.api.as("demo-supervisor")
			.post("/api/oversight/absences", absence("a".repeat(UserIds.MAX_LENGTH + 1), "authority-three", 0, 1));
		Api.Response notAUserId = this.api.as("demo-supervisor")
			.post("/api/oversight/absences", absence("authority-two", "authority three", 0, 1));

		assertThat(otherAgency.status()).isEqualTo(400);
		assertThat(otherAgency.json().at("/errors/substitute").asText()).contains("casework group");
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.json().at("/errors/to").isMissingNode()).isFalse();
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().at("/errors/userId").asText()).as(tooLong.toString())
			.isEqualTo("must have between 0 and " + UserIds.MAX_LENGTH + " characters or entries");
		assertThat(notAUserId.status()).isEqualTo(400);
		assertThat(notAUserId.json().at("/errors/substitute").asText()).as(notAUserId.toString())
			.isEqualTo("is not a user id");
		assertThat(this.events.of(AbsenceRecorded.class)).hasSize(before);
		assertThat(this.api.as("demo-supervisor").get("/api/oversight/absences").json().findValuesAsText("userId"))
			.doesNotContain("authority-two");
	}

	private long coverFilters() {
		return this.filterService.createTaskFilterQuery().filterName("Covering for authority-two").count();
	}

	private void reassign(String taskId, String assignee) {
		Api.Response response = this.api.as("demo-supervisor").post("/api/oversight/reassignments",
				Api.body("taskIds", List.of(taskId), "assignee", assignee, "reason", REASON));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
	}

	private String otherCaseTaskForPolice() {
		String other = this.journey.open("demo-police", CaseJourney.ADULT_BY_POLICE);
		return this.journey.task("demo-police", other, VictimIdentificationProcess.TASK_SCREEN_INDICATORS)
			.path("id")
			.asText();
	}

	private Map<String, Object> absence(String userId, String substitute, int fromDays, int toDays) {
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Brussels"));
		return Api.body("userId", userId, "from", today.plusDays(fromDays).toString(), "to",
				today.plusDays(toDays).toString(), "substitute", substitute, "reason", "Annual leave, booked in advance");
	}

	private String assigneeOf(String taskId) {
		return this.taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee();
	}

	private List<String> idsOf(String path) {
		return this.api.as("demo-supervisor").get(path).json().findValuesAsText("id");
	}

	private JsonNode find(String path, String taskId) {
		for (JsonNode task : this.api.as("demo-supervisor").get(path).json()) {
			if (task.path("id").asText().equals(taskId)) {
				return task;
			}
		}
		throw new AssertionError(taskId + " not in " + path);
	}

	private static String demoUser(Role role) {
		return role == Role.ADMIN ? "demo-admin" : "demo-" + role.groupId();
	}
}
