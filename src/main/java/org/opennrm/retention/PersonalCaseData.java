package org.opennrm.retention;

import java.util.Map;

/**
 * Rows a module keeps about one case. When the case's retention period has ended, erasure calls every implementation,
 * in one transaction with the rest of the erasure, and each deletes what it keeps about the case. Every module with
 * a table that names a case implements it in its {@code internal} package; {@code RetentionIT} scans every table
 * afterwards, so a forgotten one fails the build.
 */
public interface PersonalCaseData {

	/**
	 * Deletes every row this module keeps about the case.
	 * @return how many rows of which kind were removed, keyed {@code module.kind} (zero counts may be left out)
	 */
	Map<String, Integer> erase(ErasedCase erased);

	/**
	 * The case being erased.
	 *
	 * @param caseId the registry's internal id
	 * @param reference its reference (the engine business key)
	 */
	record ErasedCase(String caseId, String reference) {
	}
}
