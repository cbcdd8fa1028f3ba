package org.opennrm.child.internal;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.opennrm.casefile.CaseAccess;
import org.opennrm.cases.Case;
import org.opennrm.cases.Cases;
import org.opennrm.child.ChildProtectionProcess;
import org.opennrm.child.GuardianChanged;
import org.opennrm.platform.EngineClock;
import org.opennrm.platform.InvalidFields;
import org.opennrm.platform.Problems;
import org.opennrm.platform.TrustedEngineCalls;
import org.opennrm.security.CurrentUser;
import org.opennrm.security.NrmUser;
import org.opennrm.security.Role;
import org.opennrm.tasks.PersonalTasks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes a child's guardian, all in one transaction: the case names the new guardian, the child protection process
 * assigns the guardian's tasks to come to them, the guardian's open tasks of the case (the consent, for one person)
 * move to them, and the former guardian's grants on those tasks are taken back. With the case no longer naming them,
 * the former guardian also loses the case file and the authority to act for the child. One event says who changed it,
 * from whom to whom and why; the transnational referral follows it.
 * <p>
 * Social services leading the case, or a supervisor, may change it; anyone else gets the same 404 as for a reference
 * that does not exist. The guardian's own tasks cannot be handed over otherwise (ADR 20): this is the way a child's
 * task for one person reaches another.
 */
@Service
@Transactional
class GuardianChanges {

	private final Cases cases;

	private final CaseAccess access;

	private final IdentityService identityService;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final AuthorizationService authorizationService;

	private final PersonalTasks personalTasks;

	private final TrustedEngineCalls trustedCalls;

	private final ApplicationEventPublisher events;

	GuardianChanges(Cases cases, CaseAccess access, IdentityService identityService, RuntimeService runtimeService,
			TaskService taskService, AuthorizationService authorizationService, PersonalTasks personalTasks,
			TrustedEngineCalls trustedCalls, ApplicationEventPublisher events) {
		this.cases = cases;
		this.access = access;
		this.identityService = identityService;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.authorizationService = authorizationService;
		this.personalTasks = personalTasks;
		this.trustedCalls = trustedCalls;
		this.events = events;
	}

	GuardianChanged change(String reference, ChangeGuardian change) {
		NrmUser user = CurrentUser.get();
		Case found = this.cases.findByReference(reference)
			.filter(candidate -> mayChange(user, candidate))
			.orElseThrow(() -> Problems.notFound("problem.case.notFound"));
		if (!found.isOpen()) {
			throw Problems.conflict("problem.case.closed", reference);
		}
		if (!found.isChild()) {
			throw Problems.conflict("problem.case.notAChild", reference);
		}
		String from = found.guardian();
		String to = change.guardianUserId();
		if (from == null) {
			throw Problems.conflict("problem.guardian.noneYet");
		}
		if (from.equals(to)) {
			throw Problems.conflict("problem.guardian.alreadyTheGuardian", to);
		}
		if (!this.trustedCalls.run(() -> Guardians.isGuardian(this.identityService, to))) {
			throw InvalidFields.of("guardianUserId", Guardians.NOT_A_GUARDIAN.code());
		}
		this.cases.change(found.caseId(), current -> current.withGuardian(to));
		// The worker may not read the child's processes or their tasks: once checked, the change is the service's own.
		this.trustedCalls.run(() -> {
			for (ProcessInstance instance : this.runtimeService.createProcessInstanceQuery()
				.processInstanceBusinessKey(reference)
				.processDefinitionKey(ChildProtectionProcess.KEY)
				.active()
				.list()) {
				this.runtimeService.setVariable(instance.getId(), ChildProtectionProcess.Variables.GUARDIAN_USER_ID, to);
			}
			for (Task task : this.taskService.createTaskQuery()
				.processInstanceBusinessKey(reference)
				.taskAssignee(from)
				.list()) {
				if (this.personalTasks.isPersonal(task.getProcessDefinitionId(), task.getTaskDefinitionKey())) {
					this.taskService.setAssignee(task.getId(), to);
					takeBackGrants(from, task.getId());
				}
			}
			return null;
		});
		GuardianChanged changed = new GuardianChanged(found.caseId(), reference, from, to, user.userId(),
				change.reason().strip(), EngineClock.now());
		this.events.publishEvent(changed);
		return changed;
	}

	/** Social services leading the case and involved in it, or a supervisor. */
	private boolean mayChange(NrmUser user, Case candidate) {
		return user.has(Role.SUPERVISOR) || (user.has(Role.SOCIAL)
				&& Role.SOCIAL.groupId().equals(candidate.leadAgency()) && this.access.involved(user, candidate));
	}

	/** The engine grants a new assignee the task but never takes the former assignee's grant back. */
	private void takeBackGrants(String userId, String taskId) {
		List<Authorization> grants = this.authorizationService.createAuthorizationQuery()
			.userIdIn(userId)
			.resourceType(Resources.TASK)
			.resourceId(taskId)
			.list();
		grants.forEach(grant -> this.authorizationService.deleteAuthorization(grant.getId()));
	}
}
