package org.opennrm.casefile;

import java.time.Instant;

/** Someone wrote a section of a case file (its new version); the content is not part of the event. */
public record SectionWritten(String caseId, String reference, Section section, String userId,
		AccessDecision.Basis basis, int version, Instant at) {
}
