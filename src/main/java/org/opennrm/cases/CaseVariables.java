package org.opennrm.cases;

/** Process variables every case process carries: references, never content. */
public final class CaseVariables {

	/** The registry's internal case id. */
	public static final String CASE_ID = "caseId";

	/** The human-readable case reference; also the business key of every process of the case. */
	public static final String CASE_REFERENCE = "caseReference";

	private CaseVariables() {
	}
}
