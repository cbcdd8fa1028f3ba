package org.opennrm.identification.internal;

import java.time.ZoneOffset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Screenings in {@code nrm_screening}; the codes as a JSON array (the next step encrypts the row). */
@Repository
@Transactional
class JdbcScreenings implements Screenings {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final JdbcClient jdbc;

	JdbcScreenings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void record(Screening screening) {
		this.jdbc.sql("""
				insert into nrm_screening (case_id, process_instance_id, task_id, checklist_id, checklist_version,
				                           indicator_codes, screened_by, screened_at)
				values (:caseId, :processInstanceId, :taskId, :checklistId, :checklistVersion, :indicatorCodes,
				        :screenedBy, :screenedAt)""")
			.param("caseId", screening.caseId())
			.param("processInstanceId", screening.processInstanceId())
			.param("taskId", screening.taskId())
			.param("checklistId", screening.checklistId())
			.param("checklistVersion", screening.checklistVersion())
			.param("indicatorCodes", json(screening))
			.param("screenedBy", screening.screenedBy())
			.param("screenedAt", screening.screenedAt().atOffset(ZoneOffset.UTC))
			.update();
	}

	private static String json(Screening screening) {
		try {
			return JSON.writeValueAsString(screening.indicatorCodes());
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
