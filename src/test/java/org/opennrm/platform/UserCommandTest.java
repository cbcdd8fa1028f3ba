package org.opennrm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.opennrm.platform.UserCommand.Kind;

/**
 * {@link UserCommand} reads the engine's own command objects. Each call here goes through the engine's public
 * services, as every path does, and the command they build is caught before it runs: if an engine upgrade renames a
 * command or moves one of its fields, the rule that depends on it is named here, not discovered in production.
 */
class UserCommandTest {

	static ProcessEngine engine;

	static final List<UserCommand> seen = new ArrayList<>();

	/** Thrown instead of running the command: the test needs only what the service asked for. */
	static final class Caught extends RuntimeException {

		Caught() {
			super(null, null, false, false);
		}
	}

	@BeforeAll
	static void engineThatRecordsCommands() {
		StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
		configuration.setJdbcUrl("jdbc:h2:mem:user-command-test;DB_CLOSE_DELAY=1000");
		configuration.setProcessEngineName("user-command-test");
		configuration.setJobExecutorActivate(false);
		configuration.setCustomPreCommandInterceptorsTxRequired(List.of(new CommandInterceptor() {
			@Override
			public <T> T execute(Command<T> command) {
				if (Context.getCommandContext() == null && Recording.on) {
					seen.add(UserCommand.of(command));
					throw new Caught();
				}
				return next.execute(command);
			}
		}));
		engine = configuration.buildProcessEngine();
	}

	@AfterAll
	static void close() {
		engine.close();
	}

	static final class Recording {

		static boolean on;
	}

	private static UserCommand asked(Executable call) {
		seen.clear();
		Recording.on = true;
		try {
			assertThatThrownBy(call::execute).isInstanceOf(Caught.class);
		}
		finally {
			Recording.on = false;
		}
		assertThat(seen).hasSize(1);
		return seen.get(0);
	}

	@Test
	void completions_and_form_submissions_carry_their_task_and_variables() {
		UserCommand complete = asked(() -> engine.getTaskService().complete("task-1", Map.of("decision", "Yes")));
		assertThat(complete.kind()).isEqualTo(Kind.COMPLETE_TASK);
		assertThat(complete.taskId()).isEqualTo("task-1");
		assertThat(complete.variables()).containsOnlyKeys("decision");

		UserCommand submit = asked(() -> engine.getFormService().submitTaskForm("task-2", Map.of("plan", "P-1")));
		assertThat(submit.kind()).isEqualTo(Kind.SUBMIT_TASK_FORM);
		assertThat(submit.taskId()).isEqualTo("task-2");
		assertThat(submit.variables()).containsOnlyKeys("plan");

		assertThat(asked(() -> engine.getTaskService().resolveTask("task-3", Map.of())).kind())
			.isEqualTo(Kind.RESOLVE_TASK);
	}

	@Test
	void claims_assignments_and_identity_links_name_their_task_and_user() {
		UserCommand claim = asked(() -> engine.getTaskService().claim("task-1", "ana"));
		assertThat(claim).extracting(UserCommand::kind, UserCommand::taskId, UserCommand::userId)
			.containsExactly(Kind.CLAIM_TASK, "task-1", "ana");
		assertThat(asked(() -> engine.getTaskService().setAssignee("task-1", "ben")))
			.extracting(UserCommand::kind, UserCommand::taskId, UserCommand::userId)
			.containsExactly(Kind.ASSIGN_TASK, "task-1", "ben");
		assertThat(asked(() -> engine.getTaskService().delegateTask("task-1", "ben")))
			.extracting(UserCommand::kind, UserCommand::userId)
			.containsExactly(Kind.DELEGATE_TASK, "ben");
		assertThat(asked(() -> engine.getTaskService().setOwner("task-1", "ben")).kind()).isEqualTo(Kind.SET_TASK_OWNER);

		UserCommand candidateUser = asked(() -> engine.getTaskService().addCandidateUser("task-1", "cover"));
		assertThat(candidateUser).extracting(UserCommand::kind, UserCommand::taskId, UserCommand::userId,
				UserCommand::groupId, UserCommand::linkType)
			.containsExactly(Kind.ADD_TASK_IDENTITY_LINK, "task-1", "cover", null, IdentityLinkType.CANDIDATE);
		UserCommand candidateGroup = asked(() -> engine.getTaskService().addCandidateGroup("task-1", "ngo"));
		assertThat(candidateGroup).extracting(UserCommand::kind, UserCommand::groupId, UserCommand::linkType)
			.containsExactly(Kind.ADD_TASK_IDENTITY_LINK, "ngo", IdentityLinkType.CANDIDATE);
		UserCommand removed = asked(() -> engine.getTaskService().deleteCandidateUser("task-1", "cover"));
		assertThat(removed).extracting(UserCommand::kind, UserCommand::userId, UserCommand::linkType)
			.containsExactly(Kind.DELETE_TASK_IDENTITY_LINK, "cover", IdentityLinkType.CANDIDATE);
		assertThat(asked(() -> engine.getTaskService().addUserIdentityLink("task-1", "ben", IdentityLinkType.ASSIGNEE)))
			.extracting(UserCommand::kind, UserCommand::userId, UserCommand::linkType)
			.containsExactly(Kind.ADD_TASK_IDENTITY_LINK, "ben", IdentityLinkType.ASSIGNEE);
	}

	@Test
	void bpmn_errors_and_escalations_from_a_task_are_told_apart() {
		UserCommand error = asked(() -> engine.getTaskService().handleBpmnError("task-1", "AssessedAsAdult", "msg",
				Map.of("x", 1)));
		assertThat(error).extracting(UserCommand::kind, UserCommand::taskId)
			.containsExactly(Kind.TASK_BPMN_ERROR, "task-1");
		assertThat(error.variables()).containsOnlyKeys("x");
		assertThat(asked(() -> engine.getTaskService().handleEscalation("task-1", "Late")).kind())
			.isEqualTo(Kind.TASK_ESCALATION);
	}

	@Test
	void starts_name_their_process_business_key_variables_and_start_instructions() {
		UserCommand byKey = asked(() -> engine.getRuntimeService()
			.startProcessInstanceByKey("NrmCase", "REF-1", Map.of("openedBy", "someone")));
		assertThat(byKey).extracting(UserCommand::kind, UserCommand::processDefinitionKey, UserCommand::businessKey,
				UserCommand::atActivities)
			.containsExactly(Kind.START_PROCESS, "NrmCase", "REF-1", false);
		assertThat(byKey.variables()).containsOnlyKeys("openedBy");

		UserCommand atActivity = asked(() -> engine.getRuntimeService()
			.createProcessInstanceByKey("NrmCase")
			.startBeforeActivity("Task_Decide")
			.execute());
		assertThat(atActivity.atActivities()).isTrue();

		UserCommand form = asked(() -> engine.getFormService().submitStartForm("NrmCase:1:x", "REF-2",
				Map.of("ageGroup", "Adult")));
		assertThat(form).extracting(UserCommand::kind, UserCommand::processDefinitionId, UserCommand::businessKey)
			.containsExactly(Kind.START_PROCESS, "NrmCase:1:x", "REF-2");
		assertThat(form.variables()).containsOnlyKeys("ageGroup");
	}

	@Test
	void changes_outside_the_workflow_are_recognised() {
		assertThat(asked(() -> engine.getRepositoryService()
			.createDeployment()
			.addModelInstance("p.bpmn", Bpmn.createExecutableProcess("p").startEvent().endEvent().done())
			.deploy()).kind()).isEqualTo(Kind.DEPLOY);
		assertThat(asked(() -> engine.getTaskService().setVariable("task-1", "competentAuthority", "ngo")).kind())
			.isEqualTo(Kind.WRITE_VARIABLES);
		assertThat(asked(() -> engine.getRuntimeService().setVariables("pi-1", Map.of("x", 1))).kind())
			.isEqualTo(Kind.WRITE_VARIABLES);
		assertThat(asked(() -> engine.getRuntimeService().removeVariable("pi-1", "x")).kind())
			.isEqualTo(Kind.WRITE_VARIABLES);
		assertThat(asked(() -> engine.getTaskService().setDueDate("task-1", new java.util.Date())).kind())
			.isEqualTo(Kind.CHANGE_TASK);
		assertThat(asked(() -> engine.getTaskService().saveTask(engine.getTaskService().newTask())).kind())
			.isEqualTo(Kind.CHANGE_TASK);
		assertThat(asked(() -> engine.getTaskService().createComment("task-1", null, "a note")).kind())
			.isEqualTo(Kind.NOTE);
		assertThat(asked(() -> engine.getRuntimeService().correlateMessage("ConsentWithdrawn", "REF-1")).kind())
			.isEqualTo(Kind.SEND_EVENT);
		assertThat(asked(() -> engine.getRuntimeService().signalEventReceived("Signal")).kind())
			.isEqualTo(Kind.SEND_EVENT);
		assertThat(asked(() -> engine.getRepositoryService().addCandidateStarterGroup("pd-1", "ngo")).kind())
			.isEqualTo(Kind.CHANGE_STARTERS);
	}

	@Test
	void a_saved_user_comes_with_its_new_password() {
		User user = engine.getIdentityService().newUser("ana");
		user.setPassword("short");
		UserCommand saved = asked(() -> engine.getIdentityService().saveUser(user));
		assertThat(saved.kind()).isEqualTo(Kind.SAVE_USER);
		assertThat(saved.user().getId()).isEqualTo("ana");
		assertThat(saved.newPassword()).contains("short");
		assertThat(saved.toString()).doesNotContain("short");
	}

	@Test
	void a_password_check_names_its_user_and_never_its_password() {
		UserCommand check = asked(() -> engine.getIdentityService().checkPassword("ana", "guess"));
		assertThat(check).extracting(UserCommand::kind, UserCommand::userId)
			.containsExactly(Kind.CHECK_PASSWORD, "ana");
		assertThat(check.toString()).doesNotContain("guess");
	}

	@Test
	void reads_are_other_commands() {
		assertThat(asked(() -> engine.getTaskService().createTaskQuery().list()).kind()).isEqualTo(Kind.OTHER);
		assertThat(asked(() -> engine.getTaskService().getVariables("task-1")).kind()).isEqualTo(Kind.OTHER);
	}
}
