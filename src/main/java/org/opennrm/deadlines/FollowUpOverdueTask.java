package org.opennrm.deadlines;

import jakarta.validation.constraints.NotNull;
import org.opennrm.tasks.DisplayOnly;

/**
 * A supervisor's follow-up of a missed deadline.
 *
 * @param overdueTaskName which task is overdue (shown, not written)
 * @param followUpAction what the supervisor did
 */
public record FollowUpOverdueTask(@DisplayOnly String overdueTaskName, @NotNull FollowUpAction followUpAction) {

	public enum FollowUpAction {
		OwnerContacted, TaskReassigned, CapacityArranged, WaitingForAnotherBody, Other
	}
}
