package org.opennrm.casework;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * The case manager's review once identification, protection, assistance and cooperation have ended.
 *
 * @param caseStatus close, close and refer, or follow up first (HTCDS {@code FollowUp})
 * @param reasonForCaseClosure required when closing
 */
public record ReviewCaseForClosure(@NotNull Next caseStatus, ClosureReason reasonForCaseClosure) {

	@JsonIgnore
	@AssertTrue(message = "give a reason for closing the case")
	public boolean isReasonGivenWhenClosing() {
		return this.caseStatus == null || this.caseStatus == Next.FollowUp || this.reasonForCaseClosure != null;
	}

	@JsonIgnore
	@AssertTrue(message = "\"not presumed a victim\" is recorded by the screening; choose the reason the case ends now")
	public boolean isReasonChosenByCaseManager() {
		return this.reasonForCaseClosure == null || this.reasonForCaseClosure.isChosenByCaseManager();
	}

	public enum Next {
		Closed, ClosedReferred, FollowUp
	}
}
