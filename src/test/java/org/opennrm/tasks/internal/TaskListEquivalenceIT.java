package org.opennrm.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.security.RunAs;
import org.opennrm.tasks.TaskPage;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The task list runs without the engine's authorization join (it is too slow with long queues); this proves it
 * shows every user exactly what the engine's own authorization check shows: the same tasks, in the same order, with
 * the same count, for every role, with and without a case filter, across pages.
 */
@IntegrationTest
class TaskListEquivalenceIT {

	static final List<String> USERS = List.of("demo-police", "demo-social", "demo-health", "demo-ngo",
			"demo-authority", "demo-guardian", "demo-coordinator", "demo-supervisor", "demo-auditor", "demo-admin");

	@Autowired
	TaskActions tasks;

	@Autowired
	RunAs runAs;

	@Autowired
	CaseJourney journey;

	@Autowired
	TaskService taskService;

	String claimed;

	@BeforeEach
	void tasksClaimedAndUnclaimedAcrossGroups() {
		String reference = this.journey.open("demo-police", CaseJourney.ADULT_BY_POLICE);
		this.journey.complete("demo-police", reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS,
				CaseJourney.ADULT_LABOUR_INDICATORS);
		this.journey.open("demo-ngo", CaseJourney.ADULT_BY_NGO);
		this.claimed = reference;
		String confirm = this.journey.task("demo-police", reference,
				VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME).path("id").asText();
		this.taskService.claim(confirm, "demo-police");
	}

	@Test
	void every_user_sees_the_same_tasks_as_the_engine_would_show_them() {
		for (String user : USERS) {
			for (String caseReference : new String[] { null, this.claimed }) {
				for (int first : new int[] { 0, 5 }) {
					TaskPage trusted = this.runAs.user(user, () -> this.tasks.list(caseReference, first, 5));
					TaskPage checked = this.runAs.user(user,
							() -> this.tasks.listCheckedByEngine(caseReference, first, 5));
					assertThat(trusted.total()).as("%s, case %s: count", user, caseReference)
						.isEqualTo(checked.total());
					assertThat(trusted.tasks()).as("%s, case %s, from %d: page", user, caseReference, first)
						.isEqualTo(checked.tasks());
				}
			}
		}
		assertThat(this.runAs.user("demo-police", () -> this.tasks.list(this.claimed, 0, 50)).total())
			.as("the comparison is not between two empty lists").isPositive();
		assertThat(this.runAs.user("demo-ngo", () -> this.tasks.list(this.claimed, 0, 50)).total())
			.as("another agency's case shows nothing").isZero();
	}

	@Test
	void the_count_is_the_whole_list_whatever_page_is_asked_for() {
		for (String user : List.of("demo-police", "demo-social")) {
			int all = this.runAs.user(user, () -> this.tasks.list(null, 0, 10_000)).tasks().size();
			assertThat(all).as("%s has more tasks than a page of two", user).isGreaterThan(2);
			for (int[] page : new int[][] { { 0, 2 }, { 2, 2 }, { 0, all }, { 0, all + 1 }, { all - 1, 5 }, { all, 5 } }) {
				assertThat(this.runAs.user(user, () -> this.tasks.list(null, page[0], page[1])).total())
					.as("%s, %d from %d: count", user, page[1], page[0])
					.isEqualTo(all);
			}
		}
	}
}
