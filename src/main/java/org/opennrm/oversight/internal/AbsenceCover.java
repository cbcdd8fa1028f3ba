package org.opennrm.oversight.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.opennrm.cases.CaseVariables;
import org.opennrm.deadlines.Jurisdictions;
import org.opennrm.i18n.ProcessTexts;
import org.opennrm.oversight.AbsenceEnded;
import org.opennrm.oversight.internal.AbsenceLedger.Cover;
import org.opennrm.platform.EngineClock;
import org.opennrm.platform.TrustedEngineCalls;
import org.opennrm.tasks.PersonalTasks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the substitutes' cover in line with the absences, whoever changed what: while an absence is active the
 * substitute is a candidate user of each open task assigned to the absent worker (so it is in their task list, in our
 * API and in Tasklist); when it ends, lapses or the task moves to someone else, that link goes again, with the
 * per-task authorization the engine granted for it. Only tasks of a candidate group the substitute belongs to are
 * covered: cover never opens another agency's work, nor a task for one person ({@link PersonalTasks}: a child's
 * guardian is not stood in for by another guardian). In Tasklist the substitute also gets a filter "Covering for ..."
 * listing the absent worker's tasks, readable by them alone while the absence lasts.
 * <p>
 * This is the service's own work, not the supervisor's, so it runs as a trusted call: it adds and removes only the
 * links it recorded in {@code nrm_absence_cover}.
 */
@Component
class AbsenceCover {

	static final int MAX_TASKS = 2000;

	/** The filter property that ties a Tasklist filter to the absence it was made for. */
	static final String FILTER_ABSENCE_PROPERTY = "nrmAbsence";

	private final AbsenceLedger ledger;

	private final TaskService taskService;

	private final AuthorizationService authorizationService;

	private final IdentityService identityService;

	private final FilterService filterService;

	private final Workers workers;

	private final TrustedEngineCalls trustedCalls;

	private final Jurisdictions jurisdictions;

	private final ApplicationEventPublisher events;

	private final PersonalTasks personalTasks;

	AbsenceCover(AbsenceLedger ledger, TaskService taskService, AuthorizationService authorizationService,
			IdentityService identityService, FilterService filterService, Workers workers,
			TrustedEngineCalls trustedCalls, Jurisdictions jurisdictions, ApplicationEventPublisher events,
			PersonalTasks personalTasks) {
		this.ledger = ledger;
		this.taskService = taskService;
		this.authorizationService = authorizationService;
		this.identityService = identityService;
		this.filterService = filterService;
		this.workers = workers;
		this.trustedCalls = trustedCalls;
		this.jurisdictions = jurisdictions;
		this.events = events;
		this.personalTasks = personalTasks;
	}

	/** Today in the default jurisdiction's time zone, on the engine clock. */
	LocalDate today() {
		return EngineClock.now().atZone(this.jurisdictions.profile(this.jurisdictions.defaultId()).timeZone()).toLocalDate();
	}

	/** Runs on a schedule, and after every change to an absence. */
	@Scheduled(initialDelayString = "${nrm.oversight.cover-check:PT1M}", fixedDelayString = "${nrm.oversight.cover-check:PT1M}")
	@Transactional
	public void reconcile() {
		this.trustedCalls.run(() -> {
			reconcileNow();
			return null;
		});
	}

	private void reconcileNow() {
		LocalDate today = today();
		Instant now = EngineClock.now();
		for (Absence lapsed : this.ledger.lapsed(today)) {
			this.ledger.end(lapsed.id(), null, now);
			this.events.publishEvent(new AbsenceEnded(lapsed.id(), lapsed.userId(), lapsed.substitute(), null, now));
		}
		Set<Cover> wanted = new HashSet<>();
		List<Absence> active = this.ledger.active(today);
		tasklistFilters(active);
		for (Absence absence : active) {
			Set<String> substituteGroups = this.workers.groupsOf(absence.substitute()).orElse(Set.of());
			for (Task task : this.taskService.createTaskQuery().taskAssignee(absence.userId()).listPage(0, MAX_TASKS)) {
				if (!this.personalTasks.isPersonal(task.getProcessDefinitionId(), task.getTaskDefinitionKey())
						&& candidateGroups(task.getId()).stream().anyMatch(substituteGroups::contains)) {
					wanted.add(new Cover(absence.id(), task.getId(), absence.substitute()));
				}
			}
		}
		List<Cover> existing = this.ledger.covers();
		for (Cover cover : existing) {
			if (!wanted.contains(cover)) {
				withdraw(cover);
			}
		}
		for (Cover cover : wanted) {
			if (!existing.contains(cover)) {
				this.taskService.addCandidateUser(cover.taskId(), cover.substitute());
				this.ledger.addCover(cover);
			}
		}
	}

	/**
	 * A task was assigned: cover it at once if its new assignee is away, and withdraw the cover of a previous
	 * assignee's substitute. Runs inside the engine's command.
	 */
	void onAssignment(DelegateTask task) {
		String assignee = task.getAssignee();
		for (Cover cover : this.ledger.coversOf(task.getId())) {
			boolean stillAway = assignee != null && this.ledger.activeFor(assignee, today())
				.stream()
				.anyMatch(absence -> absence.id().equals(cover.absenceId()));
			if (!stillAway) {
				task.deleteCandidateUser(cover.substitute());
				revokeTaskAuthorization(task.getId(), cover.substitute(), assignee, task.getOwner());
				this.ledger.removeCover(cover);
			}
		}
		if (assignee == null
				|| this.personalTasks.isPersonal(task.getProcessDefinitionId(), task.getTaskDefinitionKey())) {
			return;
		}
		Set<String> groups = task.getCandidates()
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.collect(Collectors.toSet());
		for (Absence absence : this.ledger.activeFor(assignee, today())) {
			Set<String> substituteGroups = Workers.groupsWithinCommand(this.identityService, absence.substitute());
			Cover cover = new Cover(absence.id(), task.getId(), absence.substitute());
			if (groups.stream().anyMatch(substituteGroups::contains) && !this.ledger.coversOf(task.getId()).contains(cover)) {
				task.addCandidateUser(absence.substitute());
				this.ledger.addCover(cover);
			}
		}
	}

	/** One Tasklist filter per active absence, readable by its substitute only; the others go. */
	private void tasklistFilters(List<Absence> active) {
		Map<String, Filter> existing = this.filterService.createTaskFilterQuery()
			.listPage(0, 500)
			.stream()
			.filter(filter -> filter.getProperties() != null
					&& filter.getProperties().get(FILTER_ABSENCE_PROPERTY) != null)
			.collect(Collectors.toMap(filter -> String.valueOf(filter.getProperties().get(FILTER_ABSENCE_PROPERTY)),
					filter -> filter, (first, second) -> first));
		Set<String> activeIds = active.stream().map(Absence::id).collect(Collectors.toSet());
		existing.forEach((absenceId, filter) -> {
			if (!activeIds.contains(absenceId)) {
				this.authorizationService.createAuthorizationQuery()
					.resourceType(Resources.FILTER)
					.resourceId(filter.getId())
					.list()
					.forEach(authorization -> this.authorizationService.deleteAuthorization(authorization.getId()));
				this.filterService.deleteFilter(filter.getId());
			}
		});
		for (Absence absence : active) {
			if (existing.containsKey(absence.id())) {
				continue;
			}
			Filter filter = this.filterService.newTaskFilter("Covering for " + absence.userId());
			filter.setQuery(this.taskService.createTaskQuery().taskAssignee(absence.userId()).orderByDueDate().asc());
			filter.setProperties(Map.of("description",
					"Tasks of " + absence.userId() + ", away until " + absence.lastDay(), "priority", -5, "refresh",
					true, FILTER_ABSENCE_PROPERTY, absence.id(), "variables",
					List.of(Map.of("name", CaseVariables.CASE_REFERENCE, "label", "Case")), ProcessTexts.FILTER_TEXT,
					"filter.absence", ProcessTexts.FILTER_TEXT_ARGUMENTS,
					List.of(absence.userId(), absence.lastDay().toString())));
			filter = this.filterService.saveFilter(filter);
			Authorization read = this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			read.setUserId(absence.substitute());
			read.setResource(Resources.FILTER);
			read.setResourceId(filter.getId());
			read.addPermission(Permissions.READ);
			this.authorizationService.saveAuthorization(read);
		}
	}

	private void withdraw(Cover cover) {
		Task task = this.taskService.createTaskQuery().taskId(cover.taskId()).singleResult();
		if (task != null) {
			this.taskService.deleteCandidateUser(cover.taskId(), cover.substitute());
			revokeTaskAuthorization(cover.taskId(), cover.substitute(), task.getAssignee(), task.getOwner());
		}
		this.ledger.removeCover(cover);
	}

	/**
	 * The engine grants a candidate user rights on the task and keeps them when the link goes; take them away unless
	 * the substitute holds the task themselves.
	 */
	private void revokeTaskAuthorization(String taskId, String substitute, String assignee, String owner) {
		if (substitute.equals(assignee) || substitute.equals(owner)) {
			return;
		}
		TrustedEngineCalls.withinCommand(() -> {
			this.authorizationService.createAuthorizationQuery()
				.userIdIn(substitute)
				.resourceType(Resources.TASK)
				.resourceId(taskId)
				.list()
				.forEach(authorization -> this.authorizationService.deleteAuthorization(authorization.getId()));
			return null;
		});
	}

	private Set<String> candidateGroups(String taskId) {
		return this.taskService.getIdentityLinksForTask(taskId)
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.collect(Collectors.toSet());
	}
}
