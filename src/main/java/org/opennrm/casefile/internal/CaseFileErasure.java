package org.opennrm.casefile.internal;

import java.util.Map;

import org.opennrm.retention.PersonalCaseData;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Erases a case's file: its sealed sections, what its hand-offs shared and its break-glass record. Runs before the
 * hand-offs are erased, since the shares are keyed by their ids.
 */
@Component
@Order(0)
class CaseFileErasure implements PersonalCaseData {

	private final JdbcClient jdbc;

	CaseFileErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, Integer> erase(ErasedCase erased) {
		int shares = this.jdbc.sql("""
				delete from nrm_referral_share
				where handoff_id in (select id from nrm_handoff where case_id = :caseId)""")
			.param("caseId", erased.caseId())
			.update();
		int sections = this.jdbc.sql("delete from nrm_case_file_section where case_id = :caseId")
			.param("caseId", erased.caseId())
			.update();
		int breakGlass = this.jdbc.sql("delete from nrm_break_glass where case_id = :caseId")
			.param("caseId", erased.caseId())
			.update();
		return Map.of("casefile.sections", sections, "casefile.referralShares", shares, "casefile.breakGlass",
				breakGlass);
	}
}
