package org.opennrm.audit;

import java.time.Instant;
import java.util.List;

/**
 * The audit trail. Entries are appended in the caller's transaction: an event and its entry commit together or not
 * at all. They are written as that transaction commits, after all its other work, so the short lock that orders the
 * chain is always the last one a transaction takes and never part of a deadlock.
 */
public interface AuditTrail {

	/**
	 * Appends an entry, timed now; the trail gives it its sequence number and hashes as the caller's transaction
	 * commits (at once, in a transaction of its own, when there is none).
	 */
	void append(NewEntry entry);

	/** Recomputes the whole chain and reports the first broken link, if any. */
	Verification verify();

	/** The entries of one case (by case id, or by its process instances), oldest first, within the filter. */
	List<AuditEntry> ofCase(String caseId, List<String> processInstanceIds, Filter filter);

	/** Everything one user did or read in a period, oldest first. */
	List<AuditEntry> byActor(String userId, Filter filter);

	/** What to append. */
	record NewEntry(String actor, AuditEventType type, String caseId, String caseReference, String processInstanceId,
			String subject, String purpose, String detail) {
	}

	/**
	 * A filter on entries: each part optional.
	 *
	 * @param from entries at or after
	 * @param to entries before
	 * @param actor only this user's
	 * @param types only these kinds (empty: all)
	 * @param limit at most this many
	 */
	record Filter(Instant from, Instant to, String actor, List<AuditEventType> types, int limit) {
	}

	/**
	 * The result of a verification.
	 *
	 * @param intact whether every link holds
	 * @param checked how many entries were checked
	 * @param firstBroken the sequence number of the first entry that does not verify ({@code null} when intact)
	 * @param problem what is wrong there
	 */
	record Verification(boolean intact, long checked, Long firstBroken, String problem) {
	}
}
