package org.opennrm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.opennrm.assistance.AssistancePlanProcess;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.Cases;
import org.opennrm.casework.NrmCaseProcess;
import org.opennrm.child.ChildProtectionProcess;
import org.opennrm.deadlines.DeadlineEscalationProcess;
import org.opennrm.handoff.ServiceHandoffProcess;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.platform.EngineClock;
import org.opennrm.security.Role;
import org.opennrm.test.Api;
import org.opennrm.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** A newcomer's first look: one user per role, and synthetic cases waiting at different steps. */
@IntegrationTest
class DemoDataIT {

	@Autowired
	IdentityService identityService;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService historyService;

	@Autowired
	Cases cases;

	@Autowired
	Api api;

	@Test
	void each_role_has_its_demo_user_and_each_signs_in_with_the_demo_password() {
		for (Role role : Role.values()) {
			List<String> members = this.identityService.createUserQuery()
				.memberOfGroup(role.groupId())
				.listPage(0, 100)
				.stream()
				.map(user -> user.getId())
				.filter(id -> id.startsWith("demo-"))
				// The mobile team's members (demo-field-…) belong to their agencies too.
				.filter(id -> !id.startsWith("demo-field-"))
				.toList();
			// Two guardians, so that a child's guardian can be changed in the demo (README); one of every other role.
			assertThat(members).as(role.name()).hasSize(role == Role.GUARDIAN ? 2 : 1);
			for (String member : members) {
				assertThat(this.api.as(member).get("/api/tasks").status()).as(member).isEqualTo(200);
			}
		}
	}

	@Test
	void demo_cases_are_recognisably_synthetic_and_wait_at_different_steps() {
		assertThat(waitingAt(1, VictimIdentificationProcess.TASK_SCREEN_INDICATORS, "police")).isNotEmpty();
		assertThat(waitingAt(2, VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME, "ngo")).isNotEmpty();
		assertThat(waitingAt(3, ChildProtectionProcess.TASK_APPOINT_GUARDIAN, "social")).isNotEmpty();
		assertThat(waitingAt(4, AssistancePlanProcess.TASK_DRAFT_ASSISTANCE_PLAN, "social")).isNotEmpty();
		assertThat(waitingAt(4, NrmCaseProcess.TASK_TAKE_STATEMENT, "police")).isNotEmpty();
		assertThat(this.cases.findByReference(seeded(5))).hasValueSatisfying(closed -> {
			assertThat(closed.status()).isEqualTo(CaseStatus.Closed);
			assertThat(closed.closureReason()).isEqualTo("NotPresumedVictim");
		});
		assertThat(waitingAt(6, ServiceHandoffProcess.TASK_RESPOND_TO_REFERRAL, "ngo")).isNotEmpty();
		assertThat(waitingAt(6, ServiceHandoffProcess.TASK_RESPOND_TO_REFERRAL, "health")).isNotEmpty();
		assertThat(waitingAt(6, ServiceHandoffProcess.TASK_CHOOSE_ANOTHER_PROVIDER, "social")).isNotEmpty();
	}

	@Test
	void one_demo_case_has_an_overdue_preliminary_decision_escalated_to_the_supervisors() {
		List<Task> decision = waitingAt(7, VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS, "authority");
		assertThat(decision).hasSize(1);
		assertThat(decision.get(0).getDueDate()).isBefore(new Date());
		assertThat(waitingAt(7, DeadlineEscalationProcess.TASK_FOLLOW_UP_OVERDUE_TASK, "supervisor")).isNotEmpty();
		assertThat(this.cases.findByReference(seeded(7)).orElseThrow().protection().blocksRemoval())
			.as("an overdue decision takes no protection away").isTrue();
	}

	@Test
	void a_demo_case_has_a_synthetic_case_file_that_each_agency_sees_as_the_policy_allows() {
		String file = "/api/cases/" + seeded(4) + "/file";

		JsonNode social = this.api.as("demo-social").get(file).json();
		JsonNode police = this.api.as("demo-police").get(file).json();

		assertThat(social.at("/sections/identity/content/secondName").asText()).isEqualTo("Person-Four");
		assertThat(social.path("sections").has("law-enforcement")).isFalse();
		assertThat(police.at("/sections/law-enforcement/content/investigationReference").asText())
			.isEqualTo("DEMO/INV/4");
		assertThat(this.api.as("demo-health").get(file).status()).isEqualTo(404);
	}

	/** The reference of the n-th seeded case: seeding runs first on an empty registry, in a fixed order. */
	private static String seeded(int number) {
		return "DEMO-%d-%06d".formatted(EngineClock.now().atOffset(ZoneOffset.UTC).getYear(), number);
	}

	private List<Task> waitingAt(int seededCase, String taskKey, String group) {
		return this.taskService.createTaskQuery()
			.taskDefinitionKey(taskKey)
			.taskCandidateGroup(group)
			.processInstanceBusinessKey(seeded(seededCase))
			.listPage(0, 10);
	}
}
