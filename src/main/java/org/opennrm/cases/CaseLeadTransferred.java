package org.opennrm.cases;

import java.time.Instant;

/** The lead of a case passed from one agency to another. */
public record CaseLeadTransferred(String caseId, String reference, String fromAgency, String toAgency, Instant at) {
}
