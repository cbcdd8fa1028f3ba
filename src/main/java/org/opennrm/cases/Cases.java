package org.opennrm.cases;

import java.util.Optional;

/** The case registry. */
public interface Cases {

	/** Registers a new active case led by {@code leadAgency} and gives it its reference. */
	Case open(String leadAgency, String openedBy);

	Optional<Case> findById(String caseId);

	Optional<Case> findByReference(String reference);

	/** Hands the lead of an open case to another agency (for example to case management). */
	Case transferLead(String caseId, String agency);

	/** Closes the case with an HTCDS status and reason code. */
	Case close(String caseId, CaseStatus status, String reason);

	long count();

	/**
	 * Locks the case's registry row until the current transaction ends, so that concurrent steps on one case happen one
	 * after another (the second sees what the first committed).
	 */
	void lock(String reference);
}
