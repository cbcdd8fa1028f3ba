package org.opennrm.handoff.internal;

import java.util.Map;

import org.opennrm.retention.PersonalCaseData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Erases a case's hand-offs and their steps. */
@Component
class HandoffErasure implements PersonalCaseData {

	private final JdbcClient jdbc;

	HandoffErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, Integer> erase(ErasedCase erased) {
		int steps = this.jdbc.sql("""
				delete from nrm_handoff_step
				where handoff_id in (select id from nrm_handoff where case_id = :caseId)""")
			.param("caseId", erased.caseId())
			.update();
		int handoffs = this.jdbc.sql("delete from nrm_handoff where case_id = :caseId")
			.param("caseId", erased.caseId())
			.update();
		return Map.of("handoff.handoffs", handoffs, "handoff.steps", steps);
	}
}
