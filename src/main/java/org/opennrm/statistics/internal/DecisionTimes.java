package org.opennrm.statistics.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.opennrm.identification.FormalIdentificationProcess;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.platform.EngineClock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Times the identification decisions as they are taken: when the preliminary (reasonable grounds) or the formal
 * decision task completes, on whichever path (our task API, Tasklist, the engine's REST API), the days since the case
 * was registered and whether the decision came by its due date go to the person's statistics row. Only the first
 * decision of each kind counts, so a reconsideration does not move it.
 */
@Component
class DecisionTimes extends AbstractProcessEnginePlugin {

	/** The beans are looked up when a decision is taken, after the engine (which they may need) is built. */
	private final ObjectProvider<Cases> cases;

	private final ObjectProvider<StatisticsLedger> ledger;

	DecisionTimes(ObjectProvider<Cases> cases, ObjectProvider<StatisticsLedger> ledger) {
		this.cases = cases;
		this.ledger = ledger;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
		listeners.add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				StatisticsLedger.Decision kind = switch (activity.getId()) {
					case VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS ->
						StatisticsLedger.Decision.Preliminary;
					case FormalIdentificationProcess.TASK_DECIDE_FORMAL_IDENTIFICATION -> StatisticsLedger.Decision.Formal;
					default -> null;
				};
				if (kind != null) {
					((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
						.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, task -> decided(task, kind));
				}
			}
		});
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

	private void decided(DelegateTask task, StatisticsLedger.Decision kind) {
		String caseId = (String) task.getVariable(CaseVariables.CASE_ID);
		this.cases.getObject().findById(caseId).ifPresent(decided -> {
			Instant now = EngineClock.now();
			int days = (int) Math.max(0, Duration.between(decided.openedAt(), now).toDays());
			Boolean inTime = task.getDueDate() == null ? null : !now.isAfter(task.getDueDate().toInstant());
			this.ledger.getObject().recordDecision(caseId, kind, days, inTime);
		});
	}
}
