package org.opennrm.cases;

import java.time.Instant;

import org.opennrm.platform.Problems;

/**
 * A case as the registry knows it: identifiers, the agency that leads it and where it stands. No personal data: who
 * the person is lives in the case file, never here and never in the engine.
 *
 * @param caseId internal id, also a process variable
 * @param reference the human-readable reference and the engine business key, e.g. {@code NRM-2026-000042}
 * @param jurisdiction the jurisdiction profile whose deadlines apply
 * @param leadAgency the group that owns the case
 * @param openedBy the user id of whoever opened it
 * @param openedAt when it was opened
 * @param status HTCDS case status
 * @param closureReason HTCDS {@code ReasonForCaseClosure} code, once closed
 * @param closedAt when it was closed
 */
public record Case(String caseId, String reference, String jurisdiction, String leadAgency, String openedBy,
		Instant openedAt, CaseStatus status, String closureReason, Instant closedAt) {

	/** Closes an open case; closing a closed case is a conflict, not a silent no-op. */
	public Case close(CaseStatus closedStatus, String reason, Instant at) {
		if (!this.status.isOpen()) {
			throw Problems.conflict("Case " + this.reference + " is already closed.");
		}
		if (closedStatus.isOpen()) {
			throw new IllegalArgumentException("Not a closed status: " + closedStatus);
		}
		if (reason == null || reason.isBlank()) {
			throw Problems.badRequest("A case is closed with a reason.");
		}
		return new Case(this.caseId, this.reference, this.jurisdiction, this.leadAgency, this.openedBy, this.openedAt,
				closedStatus, reason, at);
	}

	/** The same case led by another agency; only an open case changes hands. */
	public Case ledBy(String agency) {
		if (!this.status.isOpen()) {
			throw Problems.conflict("Case " + this.reference + " is closed.");
		}
		return new Case(this.caseId, this.reference, this.jurisdiction, agency, this.openedBy, this.openedAt,
				this.status, this.closureReason, this.closedAt);
	}

	public boolean isOpen() {
		return this.status.isOpen();
	}
}
