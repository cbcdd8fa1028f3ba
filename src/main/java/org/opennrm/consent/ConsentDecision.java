package org.opennrm.consent;

import java.time.Instant;

/**
 * One entry of the ledger.
 *
 * @param caseId the case
 * @param purpose what for
 * @param recipient the agency (group id) it covers, for sharing; otherwise {@code null}
 * @param given given ({@code true}) or refused or withdrawn ({@code false})
 * @param givenBy the person, or the guardian on a child's behalf
 * @param recordedBy the user who recorded it
 * @param recordedAt when
 */
public record ConsentDecision(String caseId, ConsentPurpose purpose, String recipient, boolean given, GivenBy givenBy,
		String recordedBy, Instant recordedAt) {

	/** Who decided. */
	public enum GivenBy {
		Person, Guardian
	}
}
