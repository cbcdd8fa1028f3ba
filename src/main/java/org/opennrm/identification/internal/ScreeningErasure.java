package org.opennrm.identification.internal;

import java.util.Map;

import org.opennrm.retention.PersonalCaseData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Erases a case's screening records (who screened, when, on which checklist). */
@Component
class ScreeningErasure implements PersonalCaseData {

	private final JdbcClient jdbc;

	ScreeningErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, Integer> erase(ErasedCase erased) {
		int screenings = this.jdbc.sql("delete from nrm_screening where case_id = :caseId")
			.param("caseId", erased.caseId())
			.update();
		return Map.of("identification.screenings", screenings);
	}
}
