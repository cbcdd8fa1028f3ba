package org.opennrm.assistance.internal;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opennrm.platform.InvalidFields;
import org.springframework.stereotype.Component;

/**
 * Four eyes on assignment: the plan's author can be neither given nor claim its approval, whichever path assigns it
 * (our API, Tasklist, the engine's REST API). Completion is checked again by the approval's form.
 */
@Component("assistancePlanFourEyes")
class AssistancePlanFourEyes implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		if (AssistancePlanRules.isAuthor(task, task.getAssignee())) {
			throw new InvalidFields(Map.of("assignee", AssistancePlanRules.AUTHOR_CANNOT_APPROVE));
		}
	}
}
