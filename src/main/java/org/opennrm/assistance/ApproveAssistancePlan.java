package org.opennrm.assistance;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.opennrm.tasks.DisplayOnly;

/**
 * A supervisor's decision on an assistance plan. The plan's author cannot take it (checked against the process).
 *
 * @param planReference the plan document's case file reference (shown, not written)
 * @param plannedServices the services the plan provides (shown, not written)
 * @param planApproved whether the plan is approved
 * @param revisionReason why it is sent back, when it is
 */
public record ApproveAssistancePlan(@DisplayOnly String planReference, @DisplayOnly List<String> plannedServices,
		@NotNull Boolean planApproved, RevisionReason revisionReason) {

	@JsonIgnore
	@AssertTrue(message = "{validation.plan.revisionReason}")
	public boolean isRevisionReasonGiven() {
		return this.planApproved == null || this.planApproved || this.revisionReason != null;
	}

	/** Why a plan goes back to its author. */
	public enum RevisionReason {
		ServicesIncomplete, PersonNotInvolved, GuardianNotInvolved, NotFeasible, SafetyConcerns, Other
	}
}
