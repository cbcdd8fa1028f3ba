package org.opennrm.audit;

import java.time.Instant;

/**
 * One line of a case's timeline or of a user's activity: an audit entry, or a step from the engine's history.
 *
 * @param at when
 * @param source {@code audit} or {@code engine}
 * @param type the audit event type, or the engine history's kind ({@code Activity}, {@code IdentityLink})
 * @param actor who
 * @param caseReference the case
 * @param subject what it was done to
 * @param purpose why, where known
 * @param detail further facts, never case file content
 * @param sequence the audit entry's sequence number ({@code null} for engine history)
 */
public record TimelineItem(Instant at, String source, String type, String actor, String caseReference,
		String subject, String purpose, String detail, Long sequence) {

	public static TimelineItem of(AuditEntry entry) {
		return new TimelineItem(entry.at(), "audit", entry.type().name(), entry.actor(), entry.caseReference(),
				entry.subject(), entry.purpose(), entry.detail(), entry.sequence());
	}
}
