package org.opennrm.casefile;

import java.time.Instant;

/**
 * Someone read a section of a case file: who, when, which section, on what basis and for what purpose. Published for
 * every read on every path; the audit trail keeps them.
 */
public record SectionRead(String caseId, String reference, Section section, String userId,
		AccessDecision.Basis basis, String purpose, Instant at) {
}
