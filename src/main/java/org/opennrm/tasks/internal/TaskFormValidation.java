package org.opennrm.tasks.internal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.opennrm.tasks.FormValues;
import org.springframework.stereotype.Component;

/**
 * Applies a task type's validation to every completion, whatever path it took: a Camunda Form submitted in Tasklist,
 * the engine REST API or our API. Tasklist checks "required" in the browser only; this is the server-side check.
 */
@Component
class TaskFormValidation extends AbstractProcessEnginePlugin {

	private final TaskForms forms;

	private final FormValues values;

	TaskFormValidation(TaskForms forms, FormValues values) {
		this.forms = forms;
		this.values = values;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
		listeners.add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				String processKey = ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey();
				forms.find(processKey, activity.getId()).ifPresent(form -> {
					UserTaskActivityBehavior behavior = (UserTaskActivityBehavior) activity.getActivityBehavior();
					behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
							task -> task.setVariables(values.canonical(form.type(), task.getVariables())));
				});
			}
		});
		configuration.setCustomPostBPMNParseListeners(listeners);
	}
}
