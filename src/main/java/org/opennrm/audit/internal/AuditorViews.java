package org.opennrm.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.opennrm.audit.AuditEventType;
import org.opennrm.audit.AuditTrail.Filter;
import org.opennrm.audit.AuditTrail.NewEntry;
import org.opennrm.audit.AuditTrail;
import org.opennrm.audit.TimelineItem;
import org.opennrm.cases.Case;
import org.opennrm.cases.Cases;
import org.opennrm.platform.Problems;
import org.opennrm.security.CurrentUser;
import org.opennrm.security.NrmUser;
import org.opennrm.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What auditors read: a case's timeline (the engine's history of its processes merged with the audit trail) and
 * everything one user did or read in a period. Auditors see that a section was read, by whom and why, never its
 * content. Each of their reads is itself audited, in the same transaction.
 */
@Service
class AuditorViews {

	/** Engine history steps worth a line: the work, not the plumbing. */
	private static final Set<String> ACTIVITY_TYPES = Set.of("userTask", "callActivity", "serviceTask",
			"businessRuleTask", "startEvent", "noneEndEvent", "endEvent", "boundaryTimer", "intermediateTimer",
			"boundaryMessage", "intermediateMessageCatch", "messageStartEvent", "subProcess", "escalationEndEvent",
			"boundaryEscalation", "errorEndEvent", "boundaryError", "terminateEndEvent");

	static final int LIMIT = 5000;

	/** The engine refuses larger pages (its query result limit). */
	private static final int ENGINE_PAGE = 2000;

	private final AuditTrail trail;

	private final HistoryService historyService;

	private final Cases cases;

	AuditorViews(AuditTrail trail, HistoryService historyService, Cases cases) {
		this.trail = trail;
		this.historyService = historyService;
		this.cases = cases;
	}

	@Transactional
	List<TimelineItem> caseTimeline(String reference, Filter filter) {
		NrmUser auditor = auditor();
		Case target = this.cases.findByReference(reference).orElseThrow(() -> Problems.notFound("problem.case.noSuchCase"));
		List<HistoricProcessInstance> instances = this.historyService.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(reference)
			.listPage(0, 500);
		List<String> instanceIds = instances.stream().map(HistoricProcessInstance::getId).toList();
		List<TimelineItem> items = new ArrayList<>();
		this.trail.ofCase(target.caseId(), instanceIds, filter).forEach(entry -> items.add(TimelineItem.of(entry)));
		boolean engineWanted = filter.types() == null || filter.types().isEmpty();
		if (engineWanted && !instanceIds.isEmpty()) {
			// One query for the tasks of all the case's instances, not one per instance; same tasks, same order.
			Map<String, List<HistoricTaskInstance>> tasks = this.historyService.createHistoricTaskInstanceQuery()
				.processInstanceBusinessKey(reference)
				.listPage(0, ENGINE_PAGE)
				.stream()
				.collect(Collectors.groupingBy(HistoricTaskInstance::getProcessInstanceId));
			for (String instanceId : instanceIds) {
				activities(reference, instanceId, filter, items);
				identityLinks(reference, tasks.getOrDefault(instanceId, List.of()), filter, items);
			}
		}
		items.sort(Comparator.comparing(TimelineItem::at).thenComparing(item -> item.sequence() == null ? 0L
				: item.sequence()));
		this.trail.append(new NewEntry(auditor.userId(), AuditEventType.AuditRead, target.caseId(), reference, null,
				"case timeline", "Audit", describe(filter)));
		return items.size() > filter.limit() ? items.subList(0, filter.limit()) : items;
	}

	@Transactional
	List<TimelineItem> userActivity(String userId, Filter filter) {
		NrmUser auditor = auditor();
		List<TimelineItem> items = this.trail.byActor(userId, filter).stream().map(TimelineItem::of).toList();
		this.trail.append(new NewEntry(auditor.userId(), AuditEventType.AuditRead, null, null, null,
				"activity of " + userId, "Audit", describe(filter)));
		return items;
	}

	@Transactional
	AuditTrail.Verification verify() {
		NrmUser user = CurrentUser.get();
		if (!user.has(Role.AUDITOR) && !user.has(Role.ADMIN)) {
			throw Problems.forbidden("problem.audit.verifyAuditorsOnly");
		}
		AuditTrail.Verification verification = this.trail.verify();
		this.trail.append(new NewEntry(user.userId(), AuditEventType.AuditRead, null, null, null, "verification",
				"Audit", verification.intact() ? "intact, " + verification.checked() + " entries"
						: "broken at entry " + verification.firstBroken()));
		return verification;
	}

	/** Records that a view left the system as a file, in its own entry. */
	@Transactional
	void exported(String what, String format, int rows) {
		this.trail.append(new NewEntry(CurrentUser.get().userId(), AuditEventType.Export, null, null, null, what,
				"Audit", rows + " rows as " + format));
	}

	private void activities(String reference, String instanceId, Filter filter, List<TimelineItem> items) {
		for (HistoricActivityInstance activity : this.historyService.createHistoricActivityInstanceQuery()
			.processInstanceId(instanceId)
			.listPage(0, ENGINE_PAGE)) {
			if (!ACTIVITY_TYPES.contains(activity.getActivityType())) {
				continue;
			}
			Instant at = activity.getStartTime().toInstant();
			String actor = activity.getAssignee() == null ? "system" : activity.getAssignee();
			if (inFilter(at, actor, filter)) {
				String ended = activity.getEndTime() == null ? "open"
						: (activity.isCanceled() ? "cancelled " : "ended ") + activity.getEndTime().toInstant();
				items.add(new TimelineItem(at, "engine", "Activity", actor, reference,
						activity.getActivityName() == null ? activity.getActivityId() : activity.getActivityName(),
						null, activity.getActivityType() + ", " + ended, null));
			}
		}
	}

	private void identityLinks(String reference, List<HistoricTaskInstance> tasks, Filter filter,
			List<TimelineItem> items) {
		List<HistoricIdentityLinkLog> links = new ArrayList<>();
		tasks.forEach(task -> links.addAll(this.historyService.createHistoricIdentityLinkLogQuery()
				.taskId(task.getId())
				.listPage(0, ENGINE_PAGE)));
		for (HistoricIdentityLinkLog link : links) {
			Instant at = link.getTime().toInstant();
			String actor = link.getAssignerId() == null ? "system" : link.getAssignerId();
			if (inFilter(at, actor, filter) || (filter.actor() != null && filter.actor().equals(link.getUserId())
					&& inFilter(at, null, filter))) {
				String who = link.getUserId() != null ? "user " + link.getUserId() : "group " + link.getGroupId();
				items.add(new TimelineItem(at, "engine", "IdentityLink", actor, reference, "task " + link.getTaskId(),
						null, link.getOperationType() + " " + link.getType() + ": " + who, null));
			}
		}
	}

	private static boolean inFilter(Instant at, String actor, Filter filter) {
		return (filter.from() == null || !at.isBefore(filter.from())) && (filter.to() == null || at.isBefore(filter.to()))
				&& (filter.actor() == null || actor == null || filter.actor().equals(actor));
	}

	private static NrmUser auditor() {
		NrmUser user = CurrentUser.get();
		if (!user.has(Role.AUDITOR)) {
			throw Problems.forbidden("problem.audit.auditorsOnly");
		}
		return user;
	}

	private static String describe(Filter filter) {
		return "from " + filter.from() + " to " + filter.to() + (filter.actor() == null ? "" : ", user " + filter.actor())
				+ (filter.types() == null || filter.types().isEmpty() ? "" : ", types " + filter.types());
	}
}
