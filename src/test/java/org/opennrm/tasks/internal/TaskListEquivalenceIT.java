package org.opennrm.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.cases.CaseVariables;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.platform.EngineStatements;
import org.opennrm.security.RunAs;
import org.opennrm.tasks.TaskPage;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The task list runs without the engine's authorization join (it is too slow with long queues), as our own statement
 * (ADR 33) or, where that is not in use, as the engine's task query; this proves both show every user exactly what the
 * engine's own authorization check shows: the same tasks, in the same order, with the same count, for every role,
 * with and without a case filter, across pages. A claim or completion reads its task by id with the engine's own read
 * check instead of a task query: the same users see it.
 */
@IntegrationTest
class TaskListEquivalenceIT {

	/** Every role; the mobile team's police officer shares the police group with a user who claims its task. */
	static final List<String> USERS = List.of("demo-police", "demo-social", "demo-health", "demo-ngo",
			"demo-authority", "demo-guardian", "demo-coordinator", "demo-supervisor", "demo-auditor", "demo-admin",
			"demo-field-police");

	@Autowired
	TaskActions tasks;

	@Autowired
	RunAs runAs;

	@Autowired
	CaseJourney journey;

	@Autowired
	TaskService taskService;

	@Autowired
	VisibleTasks visibleTasks;

	@Autowired
	ProcessEngineConfiguration engineConfiguration;

	String claimed;

	String byNgo;

	String involving;

	@BeforeEach
	void tasksClaimedAndUnclaimedAcrossGroups() {
		String reference = this.journey.open("demo-police", CaseJourney.ADULT_BY_POLICE);
		this.journey.complete("demo-police", reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS,
				CaseJourney.ADULT_LABOUR_INDICATORS);
		this.byNgo = this.journey.open("demo-ngo", CaseJourney.ADULT_BY_NGO);
		this.claimed = reference;
		String confirm = this.journey.task("demo-police", reference,
				VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME).path("id").asText();
		this.taskService.claim(confirm, "demo-police");
		// A task with an owner and a candidate user (as a supervisor's cover adds one): both are involved in it.
		this.involving = this.taskService.createTaskQuery().processInstanceBusinessKey(this.byNgo).list().get(0).getId();
		this.taskService.setOwner(this.involving, "demo-health");
		this.taskService.addCandidateUser(this.involving, "demo-guardian");
	}

	/** Other tests share the database: the owner and the candidate user go again. */
	@AfterEach
	void noLongerInvolving() {
		this.taskService.deleteUserIdentityLink(this.involving, "demo-health", IdentityLinkType.OWNER);
		this.taskService.deleteCandidateUser(this.involving, "demo-guardian");
	}

	@Test
	void every_user_sees_the_same_tasks_as_the_engine_would_show_them() {
		assertThat(EngineStatements.present((ProcessEngineConfigurationImpl) this.engineConfiguration,
				VisibleTaskStatements.LIST))
			.as("the list runs our statement on this database").isTrue();
		for (String user : USERS) {
			for (String caseReference : new String[] { null, this.claimed }) {
				for (int first : new int[] { 0, 5 }) {
					TaskPage ours = this.runAs.user(user, () -> this.tasks.list(caseReference, first, 5));
					TaskPage trusted = this.runAs.user(user,
							() -> this.tasks.listByEngineQuery(caseReference, first, 5));
					TaskPage checked = this.runAs.user(user,
							() -> this.tasks.listCheckedByEngine(caseReference, first, 5));
					assertThat(trusted.total()).as("%s, case %s: count", user, caseReference)
						.isEqualTo(checked.total());
					assertThat(trusted.tasks()).as("%s, case %s, from %d: page", user, caseReference, first)
						.isEqualTo(checked.tasks());
					assertThat(ours.total()).as("%s, case %s: our statement's count", user, caseReference)
						.isEqualTo(checked.total());
					assertThat(ours.tasks()).as("%s, case %s, from %d: our statement's page", user, caseReference,
							first)
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
	void a_task_read_by_id_is_visible_to_exactly_the_users_the_engines_task_query_shows_it_to() {
		int shown = 0;
		int hidden = 0;
		for (String user : USERS) {
			for (Task task : this.taskService.createTaskQuery()
				.processInstanceBusinessKeyIn(this.claimed, this.byNgo)
				.list()) {
				boolean byQuery = this.runAs.user(user,
						() -> this.taskService.createTaskQuery().taskId(task.getId()).count() == 1);
				Optional<Task> byId = this.runAs.user(user, () -> this.visibleTasks.find(task.getId()));
				assertThat(byId.isPresent()).as("%s, task %s (%s)", user, task.getId(), task.getTaskDefinitionKey())
					.isEqualTo(byQuery);
				List<String> locked = new ArrayList<>();
				Optional<Task> forCompletion = this.runAs.user(user,
						() -> this.visibleTasks.findWithCaseLocked(task.getId(), locked::add));
				assertThat(forCompletion.isPresent()).as("%s, task %s, for a completion", user, task.getId())
					.isEqualTo(byQuery);
				if (byId.isPresent()) {
					shown++;
					assertThat(byId.get().getAssignee()).isEqualTo(task.getAssignee());
					assertThat(locked).as("%s, task %s: the case locked for its completion", user, task.getId())
						.containsExactly((String) this.taskService.getVariableLocal(task.getId(),
								CaseVariables.CASE_REFERENCE))
						.allMatch(reference -> reference.equals(this.claimed) || reference.equals(this.byNgo));
				}
				else {
					hidden++;
					assertThat(locked).as("%s, task %s: no lock on a case whose task they may not see", user,
							task.getId()).isEmpty();
				}
			}
		}
		assertThat(shown).as("some users see some tasks").isPositive();
		assertThat(hidden).as("some users do not see some tasks").isPositive();
		assertThat(this.visibleTasks.find("no-such-task")).isEmpty();
		assertThat(this.visibleTasks.findWithCaseLocked("no-such-task", locked -> {
			throw new AssertionError("locked " + locked + " for no task");
		})).isEmpty();
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
