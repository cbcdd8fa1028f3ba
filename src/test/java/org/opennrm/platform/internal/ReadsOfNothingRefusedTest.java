package org.opennrm.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ReadsOfNothingRefused} on a real engine, with authorization on and metrics off as the service runs it: a
 * read of nothing is a refusal that says what is missing, and every other read still goes through the engine,
 * authorization check included.
 */
class ReadsOfNothingRefusedTest {

	static final String FORM = "{\"id\":\"answerForm\",\"type\":\"default\",\"components\":[]}";

	static ProcessEngine engine;

	@BeforeAll
	static void engineAsTheServiceRunsIt() {
		engine = InMemoryEngines.withPlugin("reads-of-nothing-refused", new ReadsOfNothingRefused(), settings -> {
			settings.setAuthorizationEnabled(true);
			settings.setMetricsEnabled(false);
			settings.setDbMetricsReporterActivate(false);
		});
		engine.getRepositoryService()
			.createDeployment()
			.addModelInstance("with-form.bpmn", Bpmn.createExecutableProcess("withForm")
				.startEvent()
				.userTask("answer")
				.camundaFormKey("camunda-forms:deployment:answer.form")
				.endEvent()
				.done())
			.addString("answer.form", FORM)
			.deploy();
	}

	@AfterAll
	static void close() {
		engine.close();
	}

	@AfterEach
	void signOut() {
		engine.getIdentityService().clearAuthentication();
	}

	@Test
	void the_deployed_form_of_a_task_that_does_not_exist_is_refused_as_the_engine_refuses_its_other_forms() {
		engine.getIdentityService().setAuthentication("someone", java.util.List.of("police"));

		assertThatThrownBy(() -> engine.getFormService().getDeployedTaskForm("no-such-task"))
			.isExactlyInstanceOf(BadUserRequestException.class)
			.hasMessage("No task found for taskId 'no-such-task'");
		assertThatThrownBy(() -> engine.getFormService().getTaskFormVariables("no-such-task"))
			.as("the engine's own answer for another form of a missing task")
			.isInstanceOf(BadUserRequestException.class);
	}

	@Test
	void the_deployed_form_of_a_task_is_still_read_by_the_engine_with_its_authorization_check() throws IOException {
		engine.getRuntimeService().startProcessInstanceByKey("withForm");
		String task = engine.getTaskService().createTaskQuery().taskDefinitionKey("answer").list().get(0).getId();

		try (InputStream form = engine.getFormService().getDeployedTaskForm(task)) {
			assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(FORM);
		}

		engine.getIdentityService().setAuthentication("someone", java.util.List.of("police"));
		assertThatThrownBy(() -> engine.getFormService().getDeployedTaskForm(task))
			.as("a task the caller may not read")
			.isInstanceOf(AuthorizationException.class);
	}

	@Test
	void metrics_that_are_not_collected_are_refused_and_collected_ones_are_read() {
		assertThatThrownBy(() -> engine.getManagementService().createMetricsQuery())
			.isInstanceOf(NotFoundException.class)
			.isInstanceOf(BadUserRequestException.class)
			.hasMessage(ReadsOfNothingRefused.NO_METRICS);

		ProcessEngine collecting = InMemoryEngines.withPlugin("reads-of-nothing-refused-metrics",
				new ReadsOfNothingRefused());
		try {
			assertThat(collecting.getManagementService().createMetricsQuery().name("activity-instance-start").sum())
				.isZero();
		}
		finally {
			collecting.close();
		}
	}

	@Test
	void the_engine_uses_both() {
		assertThat(engine.getFormService()).isInstanceOf(ReadsOfNothingRefused.Forms.class);
		assertThat(engine.getManagementService()).isInstanceOf(ReadsOfNothingRefused.Management.class);
	}
}
