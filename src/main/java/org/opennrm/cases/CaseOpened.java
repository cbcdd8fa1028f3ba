package org.opennrm.cases;

import java.time.Instant;

/** A case was registered. */
public record CaseOpened(String caseId, String reference, String leadAgency, String openedBy, Instant openedAt) {
}
