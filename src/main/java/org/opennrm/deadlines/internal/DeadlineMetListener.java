package org.opennrm.deadlines.internal;

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
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.opennrm.deadlines.DeadlineEscalations;
import org.opennrm.platform.TrustedEngineCalls;
import org.springframework.stereotype.Component;

/**
 * When a task with a deadline ends (completed, or cancelled by its process), any escalation of that deadline closes:
 * the work got done, so nobody is chased for it any more.
 */
@Component
class DeadlineMetListener extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
		listeners.add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
				if (definition.getDueDateExpression() != null) {
					definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, DeadlineMetListener::deadlineMet);
					definition.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, DeadlineMetListener::deadlineMet);
				}
			}
		});
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

	/** The escalation belongs to the case, not to whoever completed the task: closing it is a trusted call. */
	static void deadlineMet(DelegateTask task) {
		String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
		TrustedEngineCalls.withinCommand(() -> {
			DeadlineEscalations.deadlineMet(task.getProcessEngineServices().getRuntimeService(), businessKey,
					task.getProcessInstanceId(), task.getTaskDefinitionKey());
			return null;
		});
	}
}
