package org.opennrm.identification.internal;

import java.time.Instant;

/**
 * That a screening took place: which checklist, who and when, in {@code nrm_screening}. What it found is in the case
 * file's identification section.
 *
 * @param caseId the case screened
 * @param processInstanceId the identification process
 * @param taskId the screening task
 * @param checklistId the checklist used
 * @param checklistVersion its version
 * @param screenedBy the user who screened
 * @param screenedAt when
 */
record Screening(String caseId, String processInstanceId, String taskId, String checklistId, int checklistVersion,
		String screenedBy, Instant screenedAt) {
}
