package org.opennrm.retention;

import java.time.Instant;
import java.util.Map;

/**
 * A case's retention period ended and its personal data was erased, from every module and from engine history. For
 * the audit trail; it names no person and no case (the stub id is known only to the stub and the erasure record).
 *
 * @param stubId the id of the statistics stub that remains
 * @param jurisdiction the jurisdiction profile the case followed
 * @param erasedAt when
 * @param erasedBy the administrator who ran it, or {@link #SCHEDULED_JOB}
 * @param removed how many rows of which kind were removed, e.g. {@code casefile.sections=3}
 */
public record CaseErased(String stubId, String jurisdiction, Instant erasedAt, String erasedBy,
		Map<String, Integer> removed) {

	/** Who erases when no person does: the scheduled job. */
	public static final String SCHEDULED_JOB = "retention-job";

	public CaseErased {
		removed = Map.copyOf(removed);
	}
}
