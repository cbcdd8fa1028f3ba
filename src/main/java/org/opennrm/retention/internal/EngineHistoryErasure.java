package org.opennrm.retention.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.opennrm.cases.CaseVariables;
import org.opennrm.retention.PersonalCaseData;
import org.springframework.stereotype.Component;

/**
 * Erases a case from the engine: every process instance of the case (found by its business key, by its case id
 * variable, and every instance below those in the call hierarchy), running ones first deleted, then their history:
 * activities, variables and their values, tasks, identity links, comments, the user operation log, incidents, job
 * logs and the decisions they evaluated.
 */
@Component
class EngineHistoryErasure implements PersonalCaseData {

	private static final int PAGE = 1000;

	static final String DELETE_REASON = "Retention period ended";

	private final RuntimeService runtimeService;

	private final HistoryService historyService;

	EngineHistoryErasure(RuntimeService runtimeService, HistoryService historyService) {
		this.runtimeService = runtimeService;
		this.historyService = historyService;
	}

	@Override
	public Map<String, Integer> erase(ErasedCase erased) {
		Set<String> instances = processInstancesOf(erased);
		if (instances.isEmpty()) {
			return Map.of("engine.processInstances", 0);
		}
		List<String> running = this.runtimeService.createProcessInstanceQuery()
			.processInstanceIds(instances)
			.listPage(0, PAGE)
			.stream()
			.map(ProcessInstance::getId)
			.toList();
		if (!running.isEmpty()) {
			this.runtimeService.deleteProcessInstancesIfExists(running, DELETE_REASON, true, true, false);
		}
		int decisions = eraseDecisions(instances);
		int operations = eraseOperationLog(instances);
		this.historyService.deleteHistoricProcessInstancesIfExists(new ArrayList<>(instances));
		return Map.of("engine.processInstances", instances.size(), "engine.runningProcessInstances", running.size(),
				"engine.decisionInstances", decisions, "engine.operationLogEntries", operations);
	}

	/** The decisions the instances evaluated (the engine keeps them when it deletes the instances' history). */
	private int eraseDecisions(Set<String> instances) {
		int erased = 0;
		for (String instance : instances) {
			List<String> page;
			while (!(page = this.historyService.createHistoricDecisionInstanceQuery()
				.processInstanceId(instance)
				.listPage(0, PAGE)
				.stream()
				.map(HistoricDecisionInstance::getId)
				.toList()).isEmpty()) {
				this.historyService.deleteHistoricDecisionInstancesBulk(page);
				erased += page.size();
			}
		}
		return erased;
	}

	/**
	 * Who claimed, completed or changed what in the instances (the engine keeps the user operation log when it deletes
	 * the instances' history). Erasure runs with no authenticated user, so deleting entries logs no new ones.
	 */
	private int eraseOperationLog(Set<String> instances) {
		int erased = 0;
		for (String instance : instances) {
			List<String> page;
			while (!(page = this.historyService.createUserOperationLogQuery()
				.processInstanceId(instance)
				.listPage(0, PAGE)
				.stream()
				.map(UserOperationLogEntry::getId)
				.toList()).isEmpty()) {
				page.forEach(this.historyService::deleteUserOperationLogEntry);
				erased += page.size();
			}
		}
		return erased;
	}

	/** Every process instance of the case, with every instance it called, transitively. */
	Set<String> processInstancesOf(ErasedCase erased) {
		Set<String> roots = new LinkedHashSet<>();
		Set<String> all = new LinkedHashSet<>();
		collect(this.historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(erased.reference()),
				roots, all);
		collect(this.historyService.createHistoricProcessInstanceQuery()
			.variableValueEquals(CaseVariables.CASE_ID, erased.caseId()), roots, all);
		collect(this.historyService.createHistoricProcessInstanceQuery()
			.variableValueEquals(CaseVariables.CASE_REFERENCE, erased.reference()), roots, all);
		for (String root : List.copyOf(roots)) {
			collect(this.historyService.createHistoricProcessInstanceQuery().rootProcessInstanceId(root), roots, all);
		}
		return all;
	}

	private static void collect(HistoricProcessInstanceQuery query, Set<String> roots, Set<String> all) {
		for (int first = 0;; first += PAGE) {
			List<HistoricProcessInstance> page = query.orderByProcessInstanceId().asc().listPage(first, PAGE);
			for (HistoricProcessInstance instance : page) {
				all.add(instance.getId());
				roots.add(instance.getRootProcessInstanceId() == null ? instance.getId()
						: instance.getRootProcessInstanceId());
			}
			if (page.size() < PAGE) {
				return;
			}
		}
	}
}
