package org.opennrm.child.internal;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.opennrm.casefile.CaseAccess;
import org.opennrm.cases.Case;
import org.opennrm.cases.Cases;
import org.opennrm.child.ChangeGuardian;
import org.opennrm.child.ChildProtectionProcess;
import org.opennrm.child.GuardianChanged;
import org.opennrm.child.Guardianship;
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
 * assigns the guardian's tasks to come to them, and the guardians' open tasks of the case (the consent, for one
 * person) move to them, with every other user's grant on them taken back ({@link PersonalTasks#handOver}). With the
 * case no longer naming them, the former guardian also loses the case file and the authority to act for the child.
 * One event says who changed it, from whom to whom and why; the transnational referral follows it.
 * <p>
 * Social services leading the case, or a supervisor, may change it; anyone else gets the same 404 as for a reference
 * that does not exist. The guardian's own tasks cannot be handed over otherwise (ADR 20): this is the way a child's
 * task for one person reaches another.
 */
@Service
@Transactional
class GuardianChanges implements Guardianship {

	private final Cases cases;

	private final CaseAccess access;

	private final IdentityService identityService;

	private final RuntimeService runtimeService;

	private final PersonalTasks personalTasks;

	private final TrustedEngineCalls trustedCalls;

	private final ApplicationEventPublisher events;

	GuardianChanges(Cases cases, CaseAccess access, IdentityService identityService, RuntimeService runtimeService,
			PersonalTasks personalTasks, TrustedEngineCalls trustedCalls, ApplicationEventPublisher events) {
		this.cases = cases;
		this.access = access;
		this.identityService = identityService;
		this.runtimeService = runtimeService;
		this.personalTasks = personalTasks;
		this.trustedCalls = trustedCalls;
		this.events = events;
	}

	@Override
	public GuardianChanged change(String reference, ChangeGuardian change) {
		NrmUser user = CurrentUser.get();
		Case visible = this.cases.findByReference(reference)
			.filter(candidate -> mayChange(user, candidate))
			.orElseThrow(() -> Problems.notFound("problem.case.notFound"));
		// Two changes, or a change and a transnational proposal, one after the other: each sees the guardian the other
		// left.
		Case found = this.cases.lock(visible.reference()).orElseThrow(() -> Problems.notFound("problem.case.notFound"));
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
		// The worker may not read the child's processes: once checked, naming the new guardian is the service's own.
		this.trustedCalls.run(() -> {
			this.runtimeService.createProcessInstanceQuery()
				.processInstanceBusinessKey(reference)
				.processDefinitionKey(ChildProtectionProcess.KEY)
				.list()
				.forEach(instance -> this.runtimeService.setVariable(instance.getId(),
						ChildProtectionProcess.Variables.GUARDIAN_USER_ID, to));
			return null;
		});
		this.personalTasks.handOver(reference, Role.GUARDIAN.groupId(), to);
		GuardianChanged changed = new GuardianChanged(found.caseId(), reference, from, to, user.userId(),
				change.reason(), EngineClock.now());
		this.events.publishEvent(changed);
		return changed;
	}

	/** Social services leading the case and involved in it, or a supervisor. */
	private boolean mayChange(NrmUser user, Case candidate) {
		return user.has(Role.SUPERVISOR) || (user.has(Role.SOCIAL)
				&& Role.SOCIAL.groupId().equals(candidate.leadAgency()) && this.access.involved(user, candidate));
	}
}
