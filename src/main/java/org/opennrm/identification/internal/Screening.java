package org.opennrm.identification.internal;

import java.time.Instant;
import java.util.List;

/**
 * What one screening found. Sensitive: it lives in {@code nrm_screening}, never in the engine.
 *
 * @param caseId the case screened
 * @param processInstanceId the identification process
 * @param taskId the screening task
 * @param checklistId the checklist used
 * @param checklistVersion its version
 * @param indicatorCodes the codes of the indicators observed, each once
 * @param screenedBy the user who screened
 * @param screenedAt when
 */
record Screening(String caseId, String processInstanceId, String taskId, String checklistId, int checklistVersion,
		List<String> indicatorCodes, String screenedBy, Instant screenedAt) {

	Screening {
		indicatorCodes = List.copyOf(indicatorCodes);
	}
}
