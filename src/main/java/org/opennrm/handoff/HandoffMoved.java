package org.opennrm.handoff;

import java.time.Instant;

import org.opennrm.handoff.ServiceHandoffProcess.ServiceType;

/**
 * A hand-off moved on to a new status (accepted, declined, delivered, ...).
 *
 * @param handoffId the hand-off
 * @param caseId its case
 * @param service the service handed over
 * @param status the status it moved to
 * @param at when
 */
public record HandoffMoved(String handoffId, String caseId, ServiceType service, HandoffStatus status, Instant at) {
}
