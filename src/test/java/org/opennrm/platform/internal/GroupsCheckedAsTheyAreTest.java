package org.opennrm.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opennrm.test.InMemoryEngines;
import org.opennrm.test.StatementCounts;

/**
 * {@link GroupsCheckedAsTheyAre}: on a real engine with authorization on, every check gives the answers the engine
 * gives with its own group filter, for users with granted groups, groups without a grant, both, and neither; and the
 * engine no longer reads which groups hold a grant.
 */
class GroupsCheckedAsTheyAreTest {

	/** Granted, not granted, both (either order), none, and unknown groups. */
	private static final List<List<String>> GROUPS = List.of(List.of("granted"), List.of("plain"),
			List.of("granted", "plain"), List.of("plain", "granted"), List.of(), List.of("nobody", "plain"));

	private static final List<String> USERS = List.of("withUserGrant", "withoutGrant");

	static ProcessEngine ours;

	static ProcessEngine stock;

	static final StatementCounts oursReads = new StatementCounts();

	static final StatementCounts stockReads = new StatementCounts();

	@BeforeAll
	static void twoEnginesWithTheSameGrants() {
		ours = InMemoryEngines.withPlugins("groups-as-they-are",
				List.of(new GroupsCheckedAsTheyAre(), oursReads), GroupsCheckedAsTheyAreTest::withAuthorization);
		stock = InMemoryEngines.withPlugin("groups-filtered", stockReads,
				GroupsCheckedAsTheyAreTest::withAuthorization);
		for (ProcessEngine engine : List.of(ours, stock)) {
			engine.getRepositoryService().createDeployment()
				.addModelInstance("work.bpmn", Bpmn.createExecutableProcess("work").startEvent().userTask("task")
					.endEvent().done())
				.deploy();
			engine.getRepositoryService().createDeployment()
				.addModelInstance("other.bpmn", Bpmn.createExecutableProcess("other").startEvent().userTask("task")
					.endEvent().done())
				.deploy();
			for (int i = 0; i < 3; i++) {
				engine.getRuntimeService().startProcessInstanceByKey("work");
				engine.getRuntimeService().startProcessInstanceByKey("other");
			}
			grant(engine, null, "granted", Resources.PROCESS_DEFINITION, "work", Permissions.READ,
					Permissions.READ_TASK);
			grant(engine, "withUserGrant", null, Resources.PROCESS_DEFINITION, "other", Permissions.READ,
					Permissions.READ_TASK);
			String oneTask = engine.getTaskService().createTaskQuery().processDefinitionKey("other").list().get(0).getId();
			grant(engine, null, "granted", Resources.TASK, oneTask, Permissions.READ);
		}
	}

	@AfterAll
	static void close() {
		ours.close();
		stock.close();
	}

	@Test
	void the_engine_uses_it() {
		Object manager = ((ProcessEngineConfigurationImpl) ours.getProcessEngineConfiguration())
			.getCommandExecutorTxRequired()
			.execute(CommandContext::getAuthorizationManager);
		assertThat(manager).isInstanceOf(GroupsCheckedAsTheyAre.Manager.class);
	}

	@Test
	void every_check_answers_as_the_engines_own() {
		int tasksSeen = 0;
		for (String user : USERS) {
			for (List<String> groups : GROUPS) {
				List<Object> answers = new ArrayList<>();
				for (ProcessEngine engine : List.of(ours, stock)) {
					engine.getIdentityService().setAuthentication(user, groups);
					try {
						List<Object> answer = new ArrayList<>();
						answer.add(engine.getTaskService().createTaskQuery().count());
						answer.add(engine.getTaskService().createTaskQuery().processDefinitionKey("other").count());
						answer.add(engine.getRepositoryService().createProcessDefinitionQuery().count());
						answer.add(engine.getRuntimeService().createProcessInstanceQuery().count());
						answer.add(engine.getAuthorizationService().isUserAuthorized(user, groups, Permissions.READ,
								Resources.TASK, taskOf(engine)));
						answer.add(engine.getAuthorizationService().isUserAuthorized(user, groups,
								Permissions.READ_TASK, Resources.PROCESS_DEFINITION, "work"));
						answers.add(answer);
					}
					finally {
						engine.getIdentityService().clearAuthentication();
					}
				}
				assertThat(answers.get(0)).as("%s in %s", user, groups).isEqualTo(answers.get(1));
				tasksSeen += ((Long) ((List<?>) answers.get(0)).get(0)).intValue();
			}
		}
		assertThat(tasksSeen).as("the grants let some users see tasks, so the answers differ between users").isPositive();
	}

	@Test
	void the_groups_holding_a_grant_are_not_read() {
		oursReads.clear();
		stockReads.clear();
		ours.getIdentityService().setAuthentication("withoutGrant", List.of("granted", "plain"));
		try {
			assertThat(ours.getTaskService().createTaskQuery().count()).isEqualTo(4);
		}
		finally {
			ours.getIdentityService().clearAuthentication();
		}
		assertThat(oursReads.of("selectAuthorizedGroupIds")).isZero();

		stock.getIdentityService().setAuthentication("withoutGrant", List.of("granted", "plain"));
		try {
			assertThat(stock.getTaskService().createTaskQuery().count()).isEqualTo(4);
		}
		finally {
			stock.getIdentityService().clearAuthentication();
		}
		assertThat(stockReads.of("selectAuthorizedGroupIds")).as("the stock engine reads them: the count above is real")
			.isPositive();
	}

	/** The task of "other" that group "granted" may read, found without a check. */
	private static String taskOf(ProcessEngine engine) {
		return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
			.execute(context -> {
				context.disableAuthorizationCheck();
				return engine.getTaskService().createTaskQuery().processDefinitionKey("other").list().get(0).getId();
			});
	}

	private static void withAuthorization(StandaloneInMemProcessEngineConfiguration configuration) {
		configuration.setAuthorizationEnabled(true);
	}

	private static void grant(ProcessEngine engine, String user, String group, Resources resource, String id,
			Permissions... permissions) {
		Authorization grant = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		grant.setUserId(user);
		grant.setGroupId(group);
		grant.setResource(resource);
		grant.setResourceId(id);
		for (Permissions permission : permissions) {
			grant.addPermission(permission);
		}
		engine.getAuthorizationService().saveAuthorization(grant);
	}
}
