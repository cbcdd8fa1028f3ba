package org.opennrm.audit.internal;

import java.util.Map;

import org.opennrm.retention.PersonalCaseData;
import org.springframework.stereotype.Component;

/**
 * At erasure the trail forgets which case its entries were about and their free text; who did what when stays, under
 * a key nobody can map back, and the chain still verifies.
 */
@Component
class AuditCaseErasure implements PersonalCaseData {

	private final JdbcAuditTrail trail;

	AuditCaseErasure(JdbcAuditTrail trail) {
		this.trail = trail;
	}

	@Override
	public Map<String, Integer> erase(ErasedCase erased) {
		return Map.of("audit.entry-text", this.trail.forgetCase(erased.caseId()));
	}
}
