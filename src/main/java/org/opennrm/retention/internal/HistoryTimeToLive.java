package org.opennrm.retention.internal;

import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.opennrm.platform.StartupOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives every deployed process and decision definition, every version, the history time to live that configuration
 * names for its key, at every start. The models carry a time to live too (the engine refuses them without one), but
 * configuration wins, so an operator changes it without a new model version; instances that finished earlier keep
 * the removal time they were given.
 */
@Component
@Order(StartupOrder.RETENTION)
class HistoryTimeToLive implements ApplicationRunner {

	private static final int PAGE = 500;

	private static final Logger log = LoggerFactory.getLogger(HistoryTimeToLive.class);

	private final RepositoryService repositoryService;

	private final RetentionProperties properties;

	HistoryTimeToLive(RepositoryService repositoryService, RetentionProperties properties) {
		this.repositoryService = repositoryService;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		int changed = 0;
		for (int first = 0;; first += PAGE) {
			List<ProcessDefinition> page = this.repositoryService.createProcessDefinitionQuery()
				.orderByProcessDefinitionId()
				.asc()
				.listPage(first, PAGE);
			for (ProcessDefinition definition : page) {
				Integer days = this.properties.historyTimeToLive(definition.getKey());
				if (!Objects.equals(days, definition.getHistoryTimeToLive())) {
					this.repositoryService.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
					changed++;
				}
			}
			if (page.size() < PAGE) {
				break;
			}
		}
		for (int first = 0;; first += PAGE) {
			List<DecisionDefinition> page = this.repositoryService.createDecisionDefinitionQuery()
				.orderByDecisionDefinitionId()
				.asc()
				.listPage(first, PAGE);
			for (DecisionDefinition definition : page) {
				Integer days = this.properties.historyTimeToLive(definition.getKey());
				if (!Objects.equals(days, definition.getHistoryTimeToLive())) {
					this.repositoryService.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), days);
					changed++;
				}
			}
			if (page.size() < PAGE) {
				break;
			}
		}
		if (changed > 0) {
			log.info("History time to live set from configuration on {} definitions", changed);
		}
	}
}
