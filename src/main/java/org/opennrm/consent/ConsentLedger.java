package org.opennrm.consent;

import java.util.List;

/** Records consent decisions and answers, at the moment of asking, whether consent holds. */
public interface ConsentLedger {

	/** Appends a decision; the latest decision per purpose and recipient is the one that holds. */
	ConsentDecision record(String caseId, ConsentPurpose purpose, String recipient, boolean given,
			ConsentDecision.GivenBy givenBy, String recordedBy);

	/** Whether consent for this purpose (and recipient) holds now: given, and not withdrawn since. */
	boolean holds(String caseId, ConsentPurpose purpose, String recipient);

	/** The whole ledger of a case, oldest first. */
	List<ConsentDecision> history(String caseId);
}
