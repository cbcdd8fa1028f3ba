package org.opennrm.casework;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * Final closure after the follow-up period.
 *
 * @param caseStatus the closed HTCDS status
 * @param reasonForCaseClosure the reason
 */
public record CloseAfterFollowUp(@NotNull Closure caseStatus, @NotNull ClosureReason reasonForCaseClosure) {

	@JsonIgnore
	@AssertTrue(message = "\"not presumed a victim\" is recorded by the screening; choose the reason the case ends now")
	public boolean isReasonChosenByCaseManager() {
		return this.reasonForCaseClosure == null || this.reasonForCaseClosure.isChosenByCaseManager();
	}

	public enum Closure {
		Closed, ClosedReferred
	}
}
