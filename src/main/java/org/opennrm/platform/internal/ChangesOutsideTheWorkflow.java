package org.opennrm.platform.internal;

import org.opennrm.platform.ActionRefused;
import org.opennrm.platform.EngineActor;
import org.opennrm.platform.EngineCommandRule;
import org.opennrm.platform.UserCommand;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What no user does to the engine, in any role and by any path: a case moves only by claiming and completing its tasks
 * with their forms' fields (and a supervisor's reassignment). Refused:
 * <ul>
 * <li>deployments: models are code and come from {@code processes/} at start-up;</li>
 * <li>writing, changing or deleting variables outside a completion: routing flags are set by the steps that decide
 * them;</li>
 * <li>creating, editing, delegating or deleting tasks, and their due dates (legal clocks run on the process's own
 * timers, and the task's date is how people see them);</li>
 * <li>comments and attachments: notes about a person belong in the encrypted case file, never in engine tables;</li>
 * <li>BPMN errors and escalations from a task: no task's form offers one, and one would skip the step's rules (an
 * age assessment, a decision);</li>
 * <li>messages and signals: the service sends them itself, once its own checks have passed;</li>
 * <li>changing who may start a process: that comes from the models.</li>
 * </ul>
 */
@Component
@Order(0)
class ChangesOutsideTheWorkflow implements EngineCommandRule {

	@Override
	public void check(UserCommand command, EngineActor actor) {
		String refusal = switch (command.kind()) {
			case DEPLOY -> "problem.engine.deploy";
			case WRITE_VARIABLES -> "problem.engine.writeVariables";
			case CHANGE_TASK, DELEGATE_TASK, SET_TASK_OWNER, RESOLVE_TASK -> "problem.engine.changeTask";
			case NOTE -> "problem.engine.note";
			case TASK_BPMN_ERROR, TASK_ESCALATION -> "problem.engine.bpmnError";
			case SEND_EVENT -> "problem.engine.sendEvent";
			case CHANGE_STARTERS -> "problem.engine.changeStarters";
			default -> null;
		};
		if (refusal != null) {
			throw ActionRefused.forbidden(refusal);
		}
	}
}
