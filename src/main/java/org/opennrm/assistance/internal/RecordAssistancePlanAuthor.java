package org.opennrm.assistance.internal;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opennrm.assistance.AssistancePlanProcess.Variables;
import org.opennrm.i18n.Text;
import org.opennrm.platform.InvalidFields;
import org.springframework.stereotype.Component;

/** When a draft is completed, whoever completed it becomes the plan's author, who may not approve it. */
@Component("recordAssistancePlanAuthor")
class RecordAssistancePlanAuthor implements TaskListener {

	static final Text NO_AUTHOR = Text.of("problem.plan.noAuthor");

	@Override
	public void notify(DelegateTask task) {
		String author = AssistancePlanRules.actingUser(task);
		if (author == null) {
			throw new InvalidFields(Map.of("assignee", NO_AUTHOR));
		}
		task.getExecution().setVariable(Variables.PLAN_AUTHOR, author);
	}
}
