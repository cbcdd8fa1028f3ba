package org.opennrm.oversight.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the supervisor workspace shows: registry facts and task facts, never who a person is. */
final class Views {

	private Views() {
	}

	/**
	 * Open cases, counted three ways.
	 *
	 * @param total all open cases
	 * @param byStage by stage: the person status of an active case ({@code AtRisk}, {@code Presumed},
	 * {@code Identified}, ...), or {@code FollowUp}
	 * @param byLeadAgency by the group that leads the case
	 * @param byJurisdiction by the jurisdiction profile it follows
	 */
	record CaseCounts(long total, Map<String, Long> byStage, Map<String, Long> byLeadAgency,
			Map<String, Long> byJurisdiction) {
	}

	/** How a task stands against its deadline (said on the page as {@code page.oversight.state.<name>}). */
	enum DeadlineState {

		/** Before the reminder. */
		OnTime,
		/** The reminder has passed (the jurisdiction's share of the time, e.g. 80 %), the deadline has not. */
		DueSoon,
		/** The deadline has passed. */
		Overdue
	}

	/**
	 * A task with a deadline.
	 *
	 * @param id task id
	 * @param name label, in English as the model has it
	 * @param taskType id in the model
	 * @param processDefinitionId the model it belongs to ({@code key:version:id}), which names it in other languages
	 * @param caseReference the case
	 * @param assignee who holds it, if anyone
	 * @param candidateGroups the groups that may work on it
	 * @param created when it was created
	 * @param reminder when its owner is reminded
	 * @param due when it is due
	 * @param deadlineState overdue, due soon or on time
	 * @param escalated whether an escalation for it is open
	 */
	record DeadlineTask(String id, String name, String taskType, String processDefinitionId, String caseReference,
			String assignee, List<String> candidateGroups, Instant created, Instant reminder, Instant due,
			DeadlineState deadlineState, boolean escalated) {
	}

	/** Open tasks per worker and per group. */
	record Workload(List<WorkerLoad> workers, List<GroupLoad> groups) {
	}

	/** @param overdue of which past their deadline */
	record WorkerLoad(String userId, long open, long overdue) {
	}

	/**
	 * @param open open tasks the group may work on, claimed or not
	 * @param unassigned of which nobody has claimed
	 * @param overdue of which past their deadline
	 */
	record GroupLoad(String group, long open, long unassigned, long overdue) {
	}

	/**
	 * An escalation waiting for a supervisor (follow up an overdue task) or the national coordinator (review the case).
	 *
	 * @param name label, in English as the model has it
	 * @param processDefinitionId the escalation's model ({@code key:version:id}), which names it in other languages
	 * @param overdueTaskName the task whose deadline passed, in English as its model has it
	 * @param deadlineClock the clock that ran out
	 */
	record Escalation(String id, String name, String taskType, String processDefinitionId, String caseReference,
			String overdueTaskName, String deadlineClock, String assignee, List<String> candidateGroups, Instant created,
			Instant due) {
	}
}
