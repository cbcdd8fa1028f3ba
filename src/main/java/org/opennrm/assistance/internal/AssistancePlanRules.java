package org.opennrm.assistance.internal;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.opennrm.assistance.ApproveAssistancePlan;
import org.opennrm.assistance.AssistancePlanProcess.Variables;
import org.opennrm.assistance.DraftAssistancePlan;
import org.opennrm.i18n.Text;

/**
 * The rules of an assistance plan that need the process: a child's plan is written with the guardian, and its author
 * never approves it (four eyes).
 */
final class AssistancePlanRules {

	static final Text WRITTEN_WITH_GUARDIAN = Text.of("problem.plan.writtenWithGuardian");

	static final Text AUTHOR_CANNOT_APPROVE = Text.of("problem.plan.authorCannotApprove");

	private AssistancePlanRules() {
	}

	static Map<String, Text> childsPlanWrittenWithGuardian(DraftAssistancePlan plan, DelegateTask task) {
		boolean child = Boolean.TRUE.equals(task.getVariable(Variables.IS_CHILD));
		return child && plan.writtenWith() != DraftAssistancePlan.WrittenWith.Guardian
				? Map.of(Variables.WRITTEN_WITH, WRITTEN_WITH_GUARDIAN) : Map.of();
	}

	/** The decision is refused when whoever holds the task, or whoever submits it, wrote the plan. */
	static Map<String, Text> notByTheAuthor(ApproveAssistancePlan decision, DelegateTask task) {
		return isAuthor(task, task.getAssignee()) || isAuthor(task, authenticatedUser(task))
				? Map.of(Variables.PLAN_APPROVED, AUTHOR_CANNOT_APPROVE) : Map.of();
	}

	static boolean isAuthor(DelegateTask task, String userId) {
		return userId != null && userId.equals(task.getVariable(Variables.PLAN_AUTHOR));
	}

	/** Who acts on the task now: the engine's authenticated user, or else (no user, e.g. in tests) its assignee. */
	static String actingUser(DelegateTask task) {
		String authenticated = authenticatedUser(task);
		return authenticated != null ? authenticated : task.getAssignee();
	}

	private static String authenticatedUser(DelegateTask task) {
		Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		return authentication == null ? null : authentication.getUserId();
	}
}
