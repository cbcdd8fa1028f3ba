package org.opennrm.platform;

import static org.assertj.core.api.Assertions.assertThat;


import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.junit.jupiter.api.Test;
import org.opennrm.test.Api;
import org.opennrm.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine settings of the security baseline, read back from the live engine. */
@IntegrationTest
class EngineSettingsIT {

	@Autowired
	ProcessEngine engine;

	@Autowired
	Api api;

	@Test
	void the_live_engine_holds_every_setting_of_the_security_baseline() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();

		assertThat(configuration.isAuthorizationEnabled()).isTrue();
		assertThat(configuration.getAuthorizationCheckRevokes())
			.isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
		assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
		assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
		assertThat(configuration.getDeserializationTypeValidator()).isNotNull();
		assertThat(configuration.isEnableXxeProcessing()).isFalse();
		assertThat(configuration.isEnableExpressionsInAdhocQueries()).isFalse();
		assertThat(configuration.isEnableExpressionsInStoredQueries()).isFalse();
		assertThat(configuration.getQueryMaxResultsLimit()).isEqualTo(2000);
		assertThat(configuration.getHistoryLevel()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL);
		assertThat(configuration.isRestrictUserOperationLogToAuthenticatedUsers()).isTrue();
		assertThat(configuration.isWebappsAuthenticationLoggingEnabled()).isTrue();
		assertThat(configuration.isEnablePasswordPolicy()).isTrue();
		assertThat(configuration.getIdGenerator()).isInstanceOf(StrongUuidGenerator.class);
		assertThat(configuration.getAdminGroups()).contains("camunda-admin");
		assertThat(configuration.getDefaultUserPermissionNameForTask()).isEqualTo("TASK_WORK");
	}

	@Test
	void the_engine_rest_api_requires_authentication() {
		assertThat(this.api.anonymous().get("/engine-rest/engine").status()).isEqualTo(401);
		assertThat(this.api.anonymous().get("/engine-rest/task").status()).isEqualTo(401);
		assertThat(this.api.as("demo-admin").get("/engine-rest/task?maxResults=15").status()).isEqualTo(200);
		assertThat(this.api.as("demo-social").get("/engine-rest/task?maxResults=15").status())
			.as("caseworkers work through our API and Tasklist, not the engine REST API (ADR 20)")
			.isEqualTo(403);
	}

	@Test
	void unbounded_engine_queries_by_a_user_are_refused() {
		Api.Response unbounded = this.api.as("demo-admin").get("/engine-rest/task?maxResults=100000");

		assertThat(unbounded.status()).isEqualTo(400);
	}

	@Test
	void there_is_no_database_console() {
		assertThat(this.api.as("demo-admin").get("/h2-console").status()).isIn(403, 404);
		assertThat(this.api.anonymous().get("/h2-console/").status()).isIn(401, 403, 404);
	}
}
