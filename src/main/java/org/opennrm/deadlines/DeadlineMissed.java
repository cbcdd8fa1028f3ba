package org.opennrm.deadlines;

import java.time.Instant;

/**
 * A task of a case missed its deadline and was escalated to the supervisors.
 *
 * @param caseReference the case
 * @param taskKey the element id of the overdue task
 * @param at when the escalation began
 */
public record DeadlineMissed(String caseReference, String taskKey, Instant at) {
}
