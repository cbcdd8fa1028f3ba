package org.opennrm.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.opennrm.child.ChildProtectionProcess;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A task its process assigns to one person (a child's consent, for the guardian appointed for that child) is granted
 * to that person and not to its candidate group; a group grant such a task got before is taken back at start-up. What
 * a second guardian then sees, on every path, is in {@code EngineSideDoorsIT}.
 */
@IntegrationTest
class PersonalTaskGrantsIT {

	@Autowired
	CaseJourney journey;

	@Autowired
	TaskService taskService;

	@Autowired
	AuthorizationService authorizationService;

	@Autowired
	PersonalTaskGrants personalTaskGrants;

	@Test
	void the_consent_task_is_granted_to_its_guardian_and_a_group_grant_of_before_is_taken_back_at_start_up() {
		String reference = this.journey.childWithGuardian("demo-guardian");
		String consent = this.taskService.createTaskQuery()
			.processInstanceBusinessKey(reference)
			.taskDefinitionKey(ChildProtectionProcess.TASK_RECORD_GUARDIAN_CONSENT)
			.singleResult()
			.getId();
		String adult = this.journey.open("demo-police", CaseJourney.ADULT_BY_POLICE);
		String screening = this.journey.task("demo-police", adult, VictimIdentificationProcess.TASK_SCREEN_INDICATORS)
			.path("id")
			.asText();

		assertThat(groupsGranted(consent)).as("the guardian group is not granted the consent task").isEmpty();
		assertThat(usersGranted(consent)).containsExactly("demo-guardian");
		assertThat(groupsGranted(screening)).as("a task for a group is granted to it").containsExactly("police");

		// As the engine's own provider granted it before.
		Authorization before = this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		before.setGroupId("guardian");
		before.setResource(Resources.TASK);
		before.setResourceId(consent);
		before.addPermission(Permissions.READ);
		this.authorizationService.saveAuthorization(before);

		this.personalTaskGrants.run(null);

		assertThat(groupsGranted(consent)).isEmpty();
		assertThat(usersGranted(consent)).containsExactly("demo-guardian");
		assertThat(groupsGranted(screening)).as("other tasks keep their groups' grants").containsExactly("police");
	}

	private List<String> groupsGranted(String taskId) {
		return grants(taskId).stream().map(Authorization::getGroupId).filter(group -> group != null).toList();
	}

	private List<String> usersGranted(String taskId) {
		return grants(taskId).stream().map(Authorization::getUserId).filter(user -> user != null).distinct().toList();
	}

	private List<Authorization> grants(String taskId) {
		return this.authorizationService.createAuthorizationQuery()
			.resourceType(Resources.TASK)
			.resourceId(taskId)
			.list();
	}
}
