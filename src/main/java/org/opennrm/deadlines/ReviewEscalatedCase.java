package org.opennrm.deadlines;

import jakarta.validation.constraints.NotNull;
import org.opennrm.tasks.DisplayOnly;

/**
 * The national coordinator's review after a second missed deadline.
 *
 * @param overdueTaskName which task is overdue (shown, not written)
 * @param coordinatorAction what the coordinator did
 */
public record ReviewEscalatedCase(@DisplayOnly String overdueTaskName, @NotNull CoordinatorAction coordinatorAction) {

	public enum CoordinatorAction {
		AgencyContacted, ResourcesAllocated, RaisedWithMinistry, NoFurtherAction
	}
}
