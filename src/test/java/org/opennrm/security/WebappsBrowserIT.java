package org.opennrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.opennrm.casework.NrmCaseProcess;
import org.opennrm.test.Api;
import org.opennrm.test.SecondFactorCodes;
import org.opennrm.test.BrowserScenarios;
import org.opennrm.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Cockpit for a supervisor and Admin for an administrator, in headless Chromium: every view opens without one of its
 * calls being refused by the engine API's surface. The surface is deny by default (ADR 20); this is the test that
 * fails when a view needs an operation the file does not name.
 */
@IntegrationTest
class WebappsBrowserIT {

	@Autowired
	Environment environment;

	@Autowired
	Api api;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Test
	void a_supervisor_opens_every_view_of_cockpit() {
		String definition = this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(NrmCaseProcess.KEY)
			.latestVersion()
			.singleResult()
			.getId();
		String instance = this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(NrmCaseProcess.KEY)
			.listPage(0, 1)
			.get(0)
			.getId();
		List<String> views = List.of("#/dashboard", "#/processes", "#/process-definition/" + definition + "/runtime",
				"#/process-definition/" + definition + "/history", "#/process-instance/" + instance + "/runtime",
				"#/process-instance/" + instance + "/history", "#/decisions", "#/tasks", "#/repository", "#/batch");
		for (String user : List.of("demo-supervisor", "demo-admin")) {
			JsonNode result = scenario("cockpit", user, views);
			assertThat(result.path("calls").toString()).contains("process-instance");
		}
	}

	@Test
	void an_administrator_opens_every_view_of_admin() {
		JsonNode result = scenario("admin", "demo-admin", List.of("#/users", "#/users/demo-police?tab=profile",
				"#/users/demo-police?tab=groups", "#/users/demo-police?tab=account", "#/groups", "#/groups/police",
				"#/authorization?resource=0", "#/authorization?resource=7", "#/system?section=system-settings-general"));
		assertThat(result.path("calls").toString()).contains("/user").contains("/authorization");
	}

	private JsonNode scenario(String app, String user, List<String> views) {
		return BrowserScenarios.run("webapps-open-every-view",
				Map.of("baseUrl", "http://localhost:" + this.environment.getProperty("local.server.port"), "app", app,
						"user", user, "password", Api.DEMO_PASSWORD, "views", views, "codes",
						SecondFactorCodes.forBrowser(this.api, Api.DEMO_PASSWORD, user)));
	}
}
