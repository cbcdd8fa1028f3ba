package org.opennrm.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The case registry. */
public interface Cases {

	/** Registers a new active case and gives it its reference. */
	Case open(NewCase intake);

	Optional<Case> findById(String caseId);

	Optional<Case> findByReference(String reference);

	/**
	 * Applies one of {@link Case}'s transitions to the current state, stores the result and publishes what changed.
	 * @throws org.springframework.web.ErrorResponseException 404 when there is no such case
	 */
	Case change(String caseId, UnaryOperator<Case> transition);

	long count();

	/** The internal ids of every case, oldest first (for work that visits every case, such as a back-fill). */
	List<String> allIds();

	/**
	 * How many open cases there are, grouped by HTCDS status, person status, lead agency and jurisdiction (one row per
	 * combination that has any).
	 */
	List<OpenCaseCount> countOpen();

	/** One group of open cases and its size. */
	record OpenCaseCount(CaseStatus status, PersonStatus personStatus, String leadAgency, String jurisdiction,
			long count) {
	}

	/**
	 * Closed cases whose closure lies before the cutoff, oldest closure first: those whose retention period has ended.
	 * @param limit at most this many
	 */
	List<Case> closedBefore(Instant cutoff, int limit);

	/**
	 * Removes a closed case from the registry, once its retention period has ended and erasure has kept what may
	 * remain (a non-identifying stub) elsewhere. Afterwards neither its id nor its reference is known here.
	 * @throws org.springframework.web.ErrorResponseException 409 when the case is still open
	 */
	void remove(String caseId);

	/**
	 * Locks the case's registry row until the current transaction ends, so that concurrent steps on one case happen one
	 * after another (the second sees what the first committed).
	 * @return the case as it stands once locked; empty when there is no such case (or no longer one)
	 */
	Optional<Case> lock(String reference);

	/**
	 * What a new case starts from.
	 *
	 * @param leadAgency the agency that opens it (and leads it until case management takes over)
	 * @param openedBy the user who opens it
	 * @param jurisdiction the jurisdiction profile it follows ({@code null}: the configured default)
	 * @param ageGroup what is known of the person's age
	 */
	record NewCase(String leadAgency, String openedBy, String jurisdiction, AgeGroup ageGroup) {
	}
}
