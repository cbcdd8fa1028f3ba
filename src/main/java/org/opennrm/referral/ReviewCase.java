package org.opennrm.referral;

import jakarta.validation.constraints.NotNull;
import org.opennrm.cases.CaseStatus;

/**
 * The case manager's closing review.
 *
 * @param caseStatus the HTCDS status to close with
 * @param reasonForCaseClosure the HTCDS {@code ReasonForCaseClosure}, as a code
 */
public record ReviewCase(@NotNull Closure caseStatus, @NotNull ReasonForCaseClosure reasonForCaseClosure) {

	/** The closed HTCDS statuses. */
	public enum Closure {
		Closed, ClosedReferred;

		public CaseStatus status() {
			return CaseStatus.valueOf(name());
		}
	}

	public enum ReasonForCaseClosure {
		ServicesCompleted, ReferredElsewhere, PersonDeclinedServices, LostContact, Relocated, NotPresumedVictim, Other
	}
}
