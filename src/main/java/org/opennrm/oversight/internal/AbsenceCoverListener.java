package org.opennrm.oversight.internal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every user task, however it is assigned (our API, Tasklist, the engine REST API, a supervisor's reassignment),
 * tells {@link AbsenceCover} so that a task assigned to an absent worker is covered by their substitute at once.
 */
@Component
class AbsenceCoverListener extends AbstractProcessEnginePlugin {

	/** Looked up lazily: the cover needs engine services, which need this plugin first. */
	private final ObjectProvider<AbsenceCover> cover;

	AbsenceCoverListener(ObjectProvider<AbsenceCover> cover) {
		this.cover = cover;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
		listeners.add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
					.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT,
							task -> AbsenceCoverListener.this.cover.getObject().onAssignment(task));
			}
		});
		configuration.setCustomPostBPMNParseListeners(listeners);
	}
}
