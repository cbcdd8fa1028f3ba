package org.opennrm.cases;

import java.time.Instant;

/** A case was closed with an HTCDS status and reason. */
public record CaseClosed(String caseId, String reference, CaseStatus status, String reason, Instant closedAt) {
}
