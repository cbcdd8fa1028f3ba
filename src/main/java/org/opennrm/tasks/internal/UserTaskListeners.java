package org.opennrm.tasks.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.opennrm.cases.CaseVariables;
import org.opennrm.i18n.Text;
import org.opennrm.platform.InvalidFields;
import org.opennrm.platform.TaskLabels;
import org.opennrm.tasks.FormValues;
import org.opennrm.tasks.TaskForm;
import org.springframework.stereotype.Component;

/**
 * What every user task does, whatever path works on it (Tasklist, the engine REST API, our API):
 * <ul>
 * <li>on creation it carries its case reference as a task variable, so whoever may see the task sees which case it
 * is for (in Tasklist too) without being able to read the case's process. The label is a {@link TaskLabels}: the
 * engine's history keeps the process's case reference, not a copy per task;</li>
 * <li>on completion its task type's validation applies, and values come back in their canonical types. Tasklist
 * checks "required" in the browser only; this is the server-side check.</li>
 * </ul>
 */
@Component
class UserTaskListeners extends AbstractProcessEnginePlugin implements TaskLabels {

	private final TaskForms forms;

	private final FormValues values;

	UserTaskListeners(TaskForms forms, FormValues values) {
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
				TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
				definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, UserTaskListeners::labelWithCase);
				forms.find(processKey, activity.getId())
					.ifPresent(form -> definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
							task -> complete(form, task)));
			}
		});
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

	/**
	 * Validates the completion, hands its sensitive fields to the form's sink and removes them from the process in the
	 * same transaction (so they are never written to engine tables), and writes the rest in canonical types.
	 */
	private void complete(TaskForm<?> form, DelegateTask task) {
		FormValues.Submission submission = this.values.canonical(form.type(), task.getVariables());
		Map<String, Text> violations = check(form, submission.form(), task);
		if (!violations.isEmpty()) {
			throw new InvalidFields(violations);
		}
		if (!submission.sensitive().isEmpty()) {
			form.sink().store(task, submission.sensitive());
		}
		FormValues.sensitiveFields(form.type()).forEach(task::removeVariable);
		task.setVariables(submission.variables());
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Map<String, Text> check(TaskForm<?> form, Record value, DelegateTask task) {
		TaskForm.Check check = form.check();
		return check == null ? Map.of() : check.violations(value, task);
	}

	@Override
	public boolean isLabel(String variableName) {
		return CaseVariables.CASE_REFERENCE.equals(variableName);
	}

	private static void labelWithCase(DelegateTask task) {
		Object reference = task.getVariable(CaseVariables.CASE_REFERENCE);
		if (reference != null) {
			task.setVariableLocal(CaseVariables.CASE_REFERENCE, reference);
		}
	}
}
