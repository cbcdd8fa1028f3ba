package org.opennrm.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.opennrm.casework.NrmCaseProcess;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.test.IntegrationTest;
import org.opennrm.test.ServiceRuns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How long the engine keeps history, and when its cleanup runs, come from configuration: the defaults of
 * {@code application.yml} on the shared service, and changed settings on a service started with them.
 */
@IntegrationTest
class RetentionConfigurationIT {

	static final int DEFAULT_DAYS = 1826;

	static final String SCREENING_RECOMMENDATION = VictimIdentificationProcess.DECISION_SCREENING_RECOMMENDATION;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	ProcessEngineConfiguration configuration;

	@Test
	void every_deployed_process_and_decision_keeps_its_history_for_the_configured_days() {
		assertThat(this.repositoryService.createProcessDefinitionQuery().list()).isNotEmpty()
			.allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).as(definition.getKey())
				.isEqualTo(DEFAULT_DAYS));
		assertThat(this.repositoryService.createDecisionDefinitionQuery().list()).isNotEmpty()
			.allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).as(definition.getKey())
				.isEqualTo(DEFAULT_DAYS));
	}

	@Test
	void history_cleanup_removes_by_removal_time_within_the_configured_night_window() {
		ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) this.configuration;

		assertThat(engine.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
		assertThat(engine.getHistoryRemovalTimeStrategy()).isEqualTo("end");
		assertThat(engine.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
		assertThat(engine.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
	}

	@Test
	void a_changed_setting_changes_the_time_to_live_of_every_version_and_the_cleanup_window() {
		Map<String, Object> properties = new HashMap<>(ServiceRuns.freshH2());
		properties.put("nrm.security.bootstrap-admin.user-id", "retention-admin");
		properties.put("nrm.security.bootstrap-admin.password", "Kp4!xN7#sB2-yH9");
		properties.put("nrm.retention.history-time-to-live.default", 400);
		properties.put("nrm.retention.history-time-to-live.NrmCase", 30);
		properties.put("nrm.retention.history-time-to-live." + SCREENING_RECOMMENDATION, 7);
		properties.put("camunda.bpm.generic-properties.properties.history-cleanup-batch-window-start-time", "23:30");
		properties.put("camunda.bpm.generic-properties.properties.history-cleanup-batch-window-end-time", "04:15");

		try (ConfigurableApplicationContext run = ServiceRuns.start("test", properties)) {
			RepositoryService repository = run.getBean(RepositoryService.class);
			ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) run
				.getBean(ProcessEngineConfiguration.class);

			assertThat(ttl(repository.createProcessDefinitionQuery().processDefinitionKey(NrmCaseProcess.KEY)
				.singleResult())).isEqualTo(30);
			assertThat(ttl(repository.createProcessDefinitionQuery()
				.processDefinitionKey(VictimIdentificationProcess.KEY)
				.singleResult())).isEqualTo(400);
			assertThat(ttl(repository.createDecisionDefinitionQuery().decisionDefinitionKey(SCREENING_RECOMMENDATION)
				.singleResult())).isEqualTo(7);
			assertThat(engine.getHistoryCleanupBatchWindowStartTime()).isEqualTo("23:30");
			assertThat(engine.getHistoryCleanupBatchWindowEndTime()).isEqualTo("04:15");
		}
	}

	private static Integer ttl(ProcessDefinition definition) {
		return definition.getHistoryTimeToLive();
	}

	private static Integer ttl(DecisionDefinition definition) {
		return definition.getHistoryTimeToLive();
	}
}
