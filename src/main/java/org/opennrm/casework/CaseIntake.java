package org.opennrm.casework;

import org.opennrm.cases.Case;

/**
 * Opening a case as the signed-in worker: the same start of the same pathway as {@code POST /api/cases} and Tasklist's
 * start form, for other modules' pages (the field page of mobile teams).
 */
public interface CaseIntake {

	/**
	 * Starts the case process for the intake.
	 * @throws org.springframework.web.ErrorResponseException 403 when the worker does not belong to the referring
	 * agency or team
	 */
	Case open(OpenCase intake);

	/**
	 * Where a case stands, for those involved in it now, whoever opened it, and auditors.
	 * @throws org.springframework.web.ErrorResponseException 404 for anyone else
	 */
	Case find(String reference);
}
