package org.opennrm.statistics.internal;

import java.util.Map;

import org.opennrm.retention.PersonalCaseData;
import org.springframework.stereotype.Component;

/**
 * Erasure keeps the person's statistics row (the counts must not change when a case is erased) and deletes the only
 * link from the case to it.
 */
@Component
class StatisticsErasure implements PersonalCaseData {

	private final StatisticsLedger ledger;

	StatisticsErasure(StatisticsLedger ledger) {
		this.ledger = ledger;
	}

	@Override
	public Map<String, Integer> erase(ErasedCase erased) {
		return Map.of("statistics.links", this.ledger.unlink(erased.caseId()));
	}
}
