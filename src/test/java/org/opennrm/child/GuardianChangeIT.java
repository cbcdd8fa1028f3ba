package org.opennrm.child;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennrm.test.Api.body;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.Cases;
import org.opennrm.platform.EngineClock;
import org.opennrm.security.RunAs;
import org.opennrm.test.Api;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.IntegrationTest;
import org.opennrm.test.TestUsers;
import org.opennrm.test.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A child's guardian is changed by appointment (social services leading the case, or a supervisor, with a reason): the
 * consent task for one person moves with it, and so do the child's case and the authority to act for the child.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuardianChangeIT {

	/** Guardians of this test's own: the consent task is for one person, and these are the persons. */
	static final String FORMER = "change-former-guardian";

	static final String NEW = "change-new-guardian";

	/** A guardian the case never names. */
	static final String STRAY = "change-stray-guardian";

	static final String REASON = "The guardian moved to another region.";

	@Autowired
	Api api;

	@Autowired
	CaseJourney journey;

	@Autowired
	Cases cases;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	AuthorizationService authorizationService;

	@Autowired
	IdentityService identityService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RunAs runAs;

	/** Kept after the class: their tasks stay open, and other tests' pages name a task's assignee from the store. */
	@BeforeAll
	void threeGuardians() {
		for (String id : List.of(FORMER, NEW, STRAY)) {
			TestUsers.ensure(this.identityService, id, "guardian");
		}
	}

	@Test
	void social_services_change_the_guardian_and_the_consent_task_and_the_childs_case_move_with_it() {
		String reference = this.journey.childWithGuardian(FORMER);
		String consent = consentTask(reference).getId();
		assertThat(this.api.as(FORMER).get("/api/tasks/" + consent).status()).isEqualTo(200);

		Api.Response changed = change("demo-social", reference, NEW, REASON);

		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().path("from").asText()).isEqualTo(FORMER);
		assertThat(changed.json().path("to").asText()).isEqualTo(NEW);
		assertThat(changed.json().path("changedBy").asText()).isEqualTo("demo-social");
		assertThat(changed.json().has("caseId")).as("the case by its reference only").isFalse();
		assertThat(this.cases.findByReference(reference).orElseThrow().guardian()).isEqualTo(NEW);
		assertThat(consentTask(reference).getAssignee()).isEqualTo(NEW);
		assertThat(grantsOn(consent, FORMER)).as("the former guardian's grant is taken back").isZero();
		assertThat(grantsOn(consent, NEW)).isOne();
		assertThat(this.runtimeService.createVariableInstanceQuery()
			.processInstanceIdIn(consentTask(reference).getProcessInstanceId())
			.variableName(ChildProtectionProcess.Variables.GUARDIAN_USER_ID)
			.singleResult()
			.getValue()).as("the guardian the process names").isEqualTo(NEW);

		Api.Client former = this.api.as(FORMER);
		assertThat(this.runAs.user(FORMER, () -> this.taskService.createTaskQuery().taskId(consent).count()))
			.as("the engine's query, where Tasklist's filters end").isZero();
		assertThat(WebappSession.signIn(this.api, "tasklist", FORMER, Api.DEMO_PASSWORD)
			.get("/camunda/api/engine/engine/default/task/" + consent)
			.status()).as("Tasklist's engine API").isEqualTo(404);
		assertThat(former.get("/api/tasks/" + consent).status()).isEqualTo(404);
		assertThat(former.post("/api/tasks/" + consent + "/complete", consentGiven()).status()).isEqualTo(404);
		assertThat(former.get("/api/cases/" + reference).status()).isEqualTo(404);
		assertThat(former.get("/api/cases/" + reference + "/file/identity").status()).isEqualTo(404);
		assertThat(this.api.as(NEW).get("/api/cases/" + reference + "/file/identity").status()).isEqualTo(200);

		this.journey.complete(NEW, reference, ChildProtectionProcess.TASK_RECORD_GUARDIAN_CONSENT, consentGiven());
		assertThat(this.jdbc.queryForList("select distinct recorded_by from nrm_consent where case_id = ?", String.class,
				this.cases.findByReference(reference).orElseThrow().caseId()))
			.as("the consent is the new guardian's").containsExactly(NEW);

		List<JsonNode> audited = guardianChanges(reference);
		assertThat(audited).singleElement().satisfies(entry -> {
			assertThat(entry.path("actor").asText()).isEqualTo("demo-social");
			assertThat(entry.path("purpose").asText()).isEqualTo(REASON);
			assertThat(entry.path("detail").asText()).isEqualTo("from " + FORMER + " to " + NEW);
		});
	}

	@Test
	void a_refused_change_says_why_and_changes_nothing() {
		String reference = this.journey.childWithGuardian(FORMER);
		String consent = consentTask(reference).getId();

		Api.Response notAGuardian = change("demo-social", reference, "demo-ngo", REASON);
		assertThat(notAGuardian.status()).as(notAGuardian.toString()).isEqualTo(400);
		assertThat(notAGuardian.json().path("errors").has("guardianUserId")).isTrue();
		assertConflict(change("demo-social", reference, FORMER, REASON), FORMER + " is already the child's guardian.");
		for (String reason : List.of("moved", "   moved         ")) {
			Api.Response shortReason = change("demo-social", reference, NEW, reason);
			assertThat(shortReason.status()).as("'%s': %s", reason, shortReason).isEqualTo(400);
			assertThat(shortReason.json().path("errors").has("reason")).isTrue();
		}
		Api.Response badUser = change("demo-social", reference, "not a user id", REASON);
		assertThat(badUser.status()).isEqualTo(400);
		assertThat(badUser.json().path("errors").has("guardianUserId")).isTrue();
		Api.Response noGuardian = this.api.as("demo-social")
			.put("/api/cases/" + reference + "/guardian", body("reason", REASON));
		assertThat(noGuardian.status()).as(noGuardian.toString()).isEqualTo(400);
		assertThat(noGuardian.json().path("errors").has("guardianUserId")).isTrue();
		Api.Response notAReference = change("demo-social", "not-a-reference", NEW, REASON);
		assertThat(notAReference.status()).as(notAReference.toString()).isEqualTo(400);
		assertThat(notAReference.header("Content-Type")).startsWith("application/problem+json");
		JsonNode unknown = withoutInstance(change("demo-social", "DEMO-2026-999999", NEW, REASON));
		for (String outsider : List.of("demo-police", "demo-ngo", "demo-health", FORMER, NEW, "demo-auditor")) {
			Api.Response refused = change(outsider, reference, NEW, REASON);
			assertThat(refused.status()).as("%s: %s", outsider, refused).isEqualTo(404);
			assertThat(withoutInstance(refused)).as("the same answer as for a case that does not exist")
				.isEqualTo(unknown);
		}

		assertThat(this.cases.findByReference(reference).orElseThrow().guardian()).isEqualTo(FORMER);
		assertThat(consentTask(reference).getAssignee()).isEqualTo(FORMER);
		assertThat(grantsOn(consent, FORMER)).isOne();
		assertThat(grantsOn(consent, NEW)).isZero();
		assertThat(guardianChanges(reference)).isEmpty();
	}

	@Test
	void the_first_guardian_is_appointed_through_the_task_and_a_supervisor_may_change_one() {
		String reference = this.journey.childAwaitingGuardian();

		assertConflict(change("demo-social", reference, NEW, REASON),
				"This child has no guardian yet: the first is appointed through the task \"Appoint a guardian\".");
		assertThat(this.cases.findByReference(reference).orElseThrow().guardian()).isNull();

		this.journey.complete("demo-social", reference, ChildProtectionProcess.TASK_APPOINT_GUARDIAN,
				body("guardianUserId", FORMER));
		String consent = consentTask(reference).getId();
		Api.Response bySupervisor = change("demo-supervisor", reference, NEW, REASON);
		assertThat(bySupervisor.status()).as(bySupervisor.toString()).isEqualTo(200);
		assertThat(consentTask(reference).getAssignee()).isEqualTo(NEW);
		assertThat(grantsOn(consent, FORMER)).isZero();
		assertThat(grantsOn(consent, NEW)).isOne();
	}

	/**
	 * The task for one person moves to the new guardian whoever holds it, and everyone who held it loses their grant:
	 * not only a task the former guardian holds (here held by someone the case never named since, as a change that
	 * raced another one would have left it).
	 */
	@Test
	void the_consent_task_moves_to_the_new_guardian_whoever_held_it() {
		String reference = this.journey.childWithGuardian(FORMER);
		String consent = consentTask(reference).getId();
		this.taskService.setAssignee(consent, STRAY);
		assertThat(grantsOn(consent, STRAY)).isOne();

		Api.Response changed = change("demo-social", reference, NEW, REASON);

		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(consentTask(reference).getAssignee()).isEqualTo(NEW);
		assertThat(grantsOn(consent, STRAY)).isZero();
		assertThat(grantsOn(consent, FORMER)).isZero();
	}

	@Test
	void a_closed_cases_guardian_stays_as_it_was() {
		String reference = this.journey.childWithGuardian(FORMER);
		String consent = consentTask(reference).getId();
		Case found = this.cases.findByReference(reference).orElseThrow();
		this.cases.change(found.caseId(),
				current -> current.close(CaseStatus.Closed, "ServicesCompleted", EngineClock.now()));

		assertConflict(change("demo-social", reference, NEW, REASON), "Case " + reference + " is closed.");
		assertThat(this.cases.findByReference(reference).orElseThrow().guardian()).isEqualTo(FORMER);
		assertThat(consentTask(reference).getAssignee()).isEqualTo(FORMER);
		assertThat(grantsOn(consent, NEW)).isZero();
		assertThat(guardianChanges(reference)).isEmpty();
	}

	@Test
	void an_adults_case_has_no_guardian_to_change() {
		String reference = this.journey.adultWithShelterPlanDrafted();

		assertConflict(change("demo-supervisor", reference, NEW, REASON), "Case " + reference + " is not a child's case.");
		assertThat(this.cases.findByReference(reference).orElseThrow().guardian()).isNull();
	}

	/**
	 * The former guardian completes the consent while social services change the guardian: one of them goes first, and
	 * the other either follows it or gets a refusal; never a 5xx, never a consent task left with someone the case no
	 * longer names. The completion starts a little later in each repetition (the change has more to read before it
	 * touches the task), so that each goes first in some of them.
	 */
	@RepeatedTest(6)
	void a_change_and_the_former_guardians_completion_at_once_happen_one_after_the_other(RepetitionInfo repetition)
			throws Exception {
		String reference = this.journey.childWithGuardian(FORMER);
		String consent = consentTask(reference).getId();
		Api.Client former = this.api.as(FORMER);
		assertThat(former.post("/api/tasks/" + consent + "/claim").status()).isEqualTo(204);

		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch go = new CountDownLatch(1);
			Future<Api.Response> changing = pool.submit(() -> {
				go.await();
				return change("demo-social", reference, NEW, REASON);
			});
			Future<Api.Response> completing = pool.submit(() -> {
				go.await();
				Thread.sleep(5L * (repetition.getCurrentRepetition() - 1));
				return former.post("/api/tasks/" + consent + "/complete", consentGiven());
			});
			go.countDown();
			Api.Response changed = changing.get(30, TimeUnit.SECONDS);
			Api.Response completed = completing.get(30, TimeUnit.SECONDS);

			assertThat(changed.status()).as(changed.toString()).isIn(200, 409);
			assertThat(completed.status()).as(completed.toString()).isIn(204, 404, 409);
			assertThat(List.of(changed.status(), completed.status())).as("one of them went first")
				.anyMatch(status -> status < 300);
			Task open = this.taskService.createTaskQuery().taskId(consent).singleResult();
			assertThat(open == null).as("the consent task is gone exactly when the completion succeeded")
				.isEqualTo(completed.status() == 204);
			String guardian = this.cases.findByReference(reference).orElseThrow().guardian();
			assertThat(guardian).isEqualTo(changed.status() == 200 ? NEW : FORMER);
			if (open != null) {
				assertThat(open.getAssignee()).as("held by the guardian the case names").isEqualTo(guardian);
				assertThat(grantsOn(consent, guardian.equals(NEW) ? FORMER : NEW)).isZero();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private Api.Response change(String userId, String reference, String guardian, String reason) {
		return this.api.as(userId).put("/api/cases/" + reference + "/guardian",
				body("guardianUserId", guardian, "reason", reason));
	}

	private static void assertConflict(Api.Response response, String detail) {
		assertThat(response.status()).as(response.toString()).isEqualTo(409);
		assertThat(response.json().path("detail").asText()).isEqualTo(detail);
	}

	/** A problem response without its {@code instance} (the path asked). */
	private static JsonNode withoutInstance(Api.Response response) {
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		return ((ObjectNode) response.json()).without("instance");
	}

	private Task consentTask(String reference) {
		return this.taskService.createTaskQuery()
			.processInstanceBusinessKey(reference)
			.taskDefinitionKey(ChildProtectionProcess.TASK_RECORD_GUARDIAN_CONSENT)
			.singleResult();
	}

	private long grantsOn(String taskId, String userId) {
		return this.authorizationService.createAuthorizationQuery()
			.resourceType(Resources.TASK)
			.resourceId(taskId)
			.userIdIn(userId)
			.count();
	}

	private List<JsonNode> guardianChanges(String reference) {
		Api.Response timeline = this.api.as("demo-auditor")
			.get("/api/audit/cases/" + reference + "/timeline?type=GuardianChanged");
		assertThat(timeline.status()).as(timeline.toString()).isEqualTo(200);
		List<JsonNode> entries = new ArrayList<>();
		timeline.json().forEach(entries::add);
		return entries;
	}

	private static Map<String, Object> consentGiven() {
		return body("consentToServices", true, "consentToShareWithAgencies", List.of("ngo"), "childViewsHeard", true);
	}
}
