package org.opennrm.cases;

import java.time.Instant;
import java.util.regex.Pattern;

import org.opennrm.platform.Problems;

/**
 * A case as the registry knows it: identifiers, who leads it, where it stands, and the facts that gate steps of the
 * pathway (age group, protection from removal, risk, guardian, best interests). No personal data: who the person is
 * lives in the case file, never here and never in the engine. Changes go through the guarded methods below, each of
 * which answers a new {@code Case}.
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
 * @param ageGroup child, adult or uncertain (treated as a child)
 * @param personStatus at risk, presumed, identified, ...
 * @param protection protection from removal
 * @param riskLevel the latest joint risk assessment, if any
 * @param riskAssessedAt when it was made
 * @param guardian the user id of the child's appointed guardian, if any
 * @param bestInterests the child's best-interests determination, if made
 */
public record Case(String caseId, String reference, String jurisdiction, String leadAgency, String openedBy,
		Instant openedAt, CaseStatus status, String closureReason, Instant closedAt, AgeGroup ageGroup,
		PersonStatus personStatus, Protection protection, RiskLevel riskLevel, Instant riskAssessedAt, String guardian,
		BestInterests bestInterests) {

	/**
	 * The form of every case reference: the configured prefix (2 to 10 capital letters), the year, and a number of at
	 * least six digits. Endpoints and forms that take a reference check it against this before looking anything up.
	 */
	public static final String REFERENCE = "[A-Z]{2,10}-[0-9]{4}-[0-9]{6,}";

	private static final Pattern REFERENCE_FORM = Pattern.compile(REFERENCE);

	/** Whether this has the form of a case reference ({@link #REFERENCE}); says nothing of whether the case exists. */
	public static boolean isReference(String candidate) {
		return candidate != null && REFERENCE_FORM.matcher(candidate).matches();
	}

	public boolean isOpen() {
		return this.status.isOpen();
	}

	public boolean isChild() {
		return this.ageGroup.treatedAsChild();
	}

	/**
	 * Whether this user is the child's guardian now. A guardian's appointment is for a child: it ends when the person
	 * is assessed as an adult, and so do the guardian's access to the case and authority to act for the person.
	 */
	public boolean isGuardedBy(String userId) {
		return this.guardian != null && isChild() && this.guardian.equals(userId);
	}

	/** The same case led by another agency; only an open case changes hands. */
	public Case ledBy(String agency) {
		requireOpen();
		return new Case(this.caseId, this.reference, this.jurisdiction, agency, this.openedBy, this.openedAt,
				this.status, this.closureReason, this.closedAt, this.ageGroup, this.personStatus, this.protection,
				this.riskLevel, this.riskAssessedAt, this.guardian, this.bestInterests);
	}

	/** Closes an open case; closing a closed case is a conflict, not a silent no-op. */
	public Case close(CaseStatus closedStatus, String reason, Instant at) {
		requireOpen();
		if (closedStatus.isOpen()) {
			throw new IllegalArgumentException("Not a closed status: " + closedStatus);
		}
		if (reason == null || reason.isBlank()) {
			throw Problems.badRequest("problem.case.closeWithReason");
		}
		return new Case(this.caseId, this.reference, this.jurisdiction, this.leadAgency, this.openedBy, this.openedAt,
				closedStatus, reason, at, this.ageGroup, this.personStatus, this.protection, this.riskLevel,
				this.riskAssessedAt, this.guardian, this.bestInterests);
	}

	/** Starts the follow-up period before final closure. */
	public Case followUp() {
		requireOpen();
		return new Case(this.caseId, this.reference, this.jurisdiction, this.leadAgency, this.openedBy, this.openedAt,
				CaseStatus.FollowUp, null, null, this.ageGroup, this.personStatus, this.protection, this.riskLevel,
				this.riskAssessedAt, this.guardian, this.bestInterests);
	}

	public Case withPersonStatus(PersonStatus status) {
		requireOpen();
		return new Case(this.caseId, this.reference, this.jurisdiction, this.leadAgency, this.openedBy, this.openedAt,
				this.status, this.closureReason, this.closedAt, this.ageGroup, status, this.protection, this.riskLevel,
				this.riskAssessedAt, this.guardian, this.bestInterests);
	}

	public Case withProtection(Protection next) {
		return new Case(this.caseId, this.reference, this.jurisdiction, this.leadAgency, this.openedBy, this.openedAt,
				this.status, this.closureReason, this.closedAt, this.ageGroup, this.personStatus, next, this.riskLevel,
				this.riskAssessedAt, this.guardian, this.bestInterests);
	}

	public Case withRisk(RiskLevel level, Instant at) {
		requireOpen();
		return new Case(this.caseId, this.reference, this.jurisdiction, this.leadAgency, this.openedBy, this.openedAt,
				this.status, this.closureReason, this.closedAt, this.ageGroup, this.personStatus, this.protection, level,
				at, this.guardian, this.bestInterests);
	}

	/** Appoints a guardian; only a child has one. */
	public Case withGuardian(String userId) {
		requireOpen();
		if (!isChild()) {
			throw Problems.conflict("problem.case.notAChild", this.reference);
		}
		return new Case(this.caseId, this.reference, this.jurisdiction, this.leadAgency, this.openedBy, this.openedAt,
				this.status, this.closureReason, this.closedAt, this.ageGroup, this.personStatus, this.protection,
				this.riskLevel, this.riskAssessedAt, userId, this.bestInterests);
	}

	public Case withBestInterests(BestInterests determination) {
		requireOpen();
		if (!isChild()) {
			throw Problems.conflict("problem.case.notAChild", this.reference);
		}
		return new Case(this.caseId, this.reference, this.jurisdiction, this.leadAgency, this.openedBy, this.openedAt,
				this.status, this.closureReason, this.closedAt, this.ageGroup, this.personStatus, this.protection,
				this.riskLevel, this.riskAssessedAt, this.guardian, determination);
	}

	/**
	 * An age assessment found an adult: the case moves to the adult track and its services go on. The guardian's
	 * appointment ends: an adult decides for themselves.
	 */
	public Case assessedAsAdult() {
		requireOpen();
		return new Case(this.caseId, this.reference, this.jurisdiction, this.leadAgency, this.openedBy, this.openedAt,
				this.status, this.closureReason, this.closedAt, AgeGroup.Adult, this.personStatus, this.protection,
				this.riskLevel, this.riskAssessedAt, null, this.bestInterests);
	}

	private void requireOpen() {
		if (!this.status.isOpen()) {
			throw Problems.conflict("problem.case.closed", this.reference);
		}
	}
}
