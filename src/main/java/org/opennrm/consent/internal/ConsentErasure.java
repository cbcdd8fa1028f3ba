package org.opennrm.consent.internal;

import java.util.Map;

import org.opennrm.retention.PersonalCaseData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Erases a case's consent ledger. */
@Component
class ConsentErasure implements PersonalCaseData {

	private final JdbcClient jdbc;

	ConsentErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, Integer> erase(ErasedCase erased) {
		int decisions = this.jdbc.sql("delete from nrm_consent where case_id = :caseId")
			.param("caseId", erased.caseId())
			.update();
		return Map.of("consent.decisions", decisions);
	}
}
