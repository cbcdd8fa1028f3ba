package org.opennrm.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opennrm.test.InMemoryEngines;

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
		engine.getIdentityService().setAuthentication("someone", List.of("police"));

		assertThatThrownBy(() -> engine.getFormService().getDeployedTaskForm("no-such-task"))
			.isExactlyInstanceOf(NullValueException.class)
			.hasMessage("No task found for taskId 'no-such-task': task is null");
		assertThatThrownBy(() -> engine.getFormService().getTaskFormData("no-such-task"))
			.as("the engine's own answer for another form of a missing task")
			.isExactlyInstanceOf(NullValueException.class)
			.hasMessage("No task found for taskId 'no-such-task': task is null");
		assertThatThrownBy(() -> engine.getFormService().getDeployedTaskForm(null))
			.as("no id at all, as the engine's command refuses it")
			.isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining("Task id cannot be null");
	}

	/**
	 * The reason this class exists: the engine as shipped fails on both reads. When an engine upgrade (or Operaton,
	 * ADR 42) makes this fail, the engine refuses by itself, and its row in ADR 44 can go.
	 */
	@Test
	void the_engine_as_shipped_fails_on_both_reads() {
		ProcessEngine stock = InMemoryEngines.withPlugin("reads-of-nothing-stock", new AbstractProcessEnginePlugin() {
		}, settings -> {
			settings.setAuthorizationEnabled(true);
			settings.setMetricsEnabled(false);
			settings.setDbMetricsReporterActivate(false);
		});
		try {
			stock.getIdentityService().setAuthentication("someone", List.of("police"));
			assertThatThrownBy(() -> stock.getFormService().getDeployedTaskForm("no-such-task"))
				.isInstanceOf(NullPointerException.class);
			assertThatThrownBy(
					() -> stock.getManagementService().createMetricsQuery().name("activity-instance-start").sum())
				.isInstanceOf(NullPointerException.class);
			assertThatThrownBy(() -> stock.getManagementService().createMetricsQuery().interval())
				.isInstanceOf(NullPointerException.class);
		}
		finally {
			stock.getIdentityService().clearAuthentication();
			stock.close();
		}
	}

	@Test
	void the_deployed_form_of_a_task_is_still_read_by_the_engine_with_its_authorization_check() throws IOException {
		engine.getRuntimeService().startProcessInstanceByKey("withForm");
		String task = engine.getTaskService().createTaskQuery().taskDefinitionKey("answer").list().get(0).getId();

		try (InputStream form = engine.getFormService().getDeployedTaskForm(task)) {
			assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(FORM);
		}

		engine.getIdentityService().setAuthentication("someone", List.of("police"));
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
		assertThatThrownBy(() -> engine.getManagementService().getUniqueTaskWorkerCount(new Date(0), new Date()))
			.as("task workers, counted only while metrics are collected")
			.hasMessage(ReadsOfNothingRefused.NO_METRICS);

		ProcessEngine collecting = InMemoryEngines.withPlugin("reads-of-nothing-refused-metrics",
				new ReadsOfNothingRefused());
		try {
			assertThat(collecting.getManagementService().createMetricsQuery().name("activity-instance-start").sum())
				.isZero();
			assertThat(collecting.getManagementService().getUniqueTaskWorkerCount(new Date(0), new Date())).isZero();
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
