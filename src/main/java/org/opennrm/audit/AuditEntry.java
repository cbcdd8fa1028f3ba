package org.opennrm.audit;

import java.time.Instant;

/**
 * One entry of the audit trail. It names people by user id and cases by id and reference; it never holds case file
 * content, only which section was touched.
 *
 * @param sequence its place in the trail, from 1, without gaps
 * @param at when it happened
 * @param actor the user who did it ({@code system} for the engine's own steps, the attempted id for a failed login)
 * @param type what happened
 * @param caseKey the random key that names the case in the trail, if any
 * @param caseId the case it concerns, if any and not erased
 * @param caseReference the case's reference, if any and not erased
 * @param processInstanceId the engine process instance it concerns, if any (its root: the case process)
 * @param subject what it was done to: a section, a task, a decision, a user or group
 * @param purpose why: the access policy's purpose of a read, a stated reason, a login's application
 * @param detail further non-personal facts (a decision's inputs and outputs, a property's old and new value)
 * @param contentDigest the salted SHA-256 of purpose and detail, which the hash covers (they may be erased)
 * @param previousHash the hash of the entry before it
 * @param hash SHA-256 over this entry's fields and {@code previousHash}
 */
public record AuditEntry(long sequence, Instant at, String actor, AuditEventType type, String caseKey, String caseId,
		String caseReference, String processInstanceId, String subject, String purpose, String detail,
		String contentDigest, String previousHash, String hash) {
}
