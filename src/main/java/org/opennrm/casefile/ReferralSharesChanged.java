package org.opennrm.casefile;

import java.time.Instant;
import java.util.Set;

/** The referring caseworker changed which sections a hand-off's receiving agency may see. */
public record ReferralSharesChanged(String caseId, String handoffId, String receivingAgency, Set<Section> sections,
		String userId, Instant at) {
}
