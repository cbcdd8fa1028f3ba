package org.opennrm.casework;

import jakarta.validation.constraints.NotNull;

/**
 * Final closure after the follow-up period.
 *
 * @param caseStatus the closed HTCDS status
 * @param reasonForCaseClosure the reason
 */
public record CloseAfterFollowUp(@NotNull Closure caseStatus, @NotNull ClosureReason reasonForCaseClosure) {

	public enum Closure {
		Closed, ClosedReferred
	}
}
