package org.opennrm.identification.internal;

import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Screenings in {@code nrm_screening}. */
@Repository
@Transactional
class JdbcScreenings implements Screenings {

	private final JdbcClient jdbc;

	JdbcScreenings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void record(Screening screening) {
		this.jdbc.sql("""
				insert into nrm_screening (case_id, process_instance_id, task_id, checklist_id, checklist_version,
				                           screened_by, screened_at)
				values (:caseId, :processInstanceId, :taskId, :checklistId, :checklistVersion, :screenedBy,
				        :screenedAt)""")
			.param("caseId", screening.caseId())
			.param("processInstanceId", screening.processInstanceId())
			.param("taskId", screening.taskId())
			.param("checklistId", screening.checklistId())
			.param("checklistVersion", screening.checklistVersion())
			.param("screenedBy", screening.screenedBy())
			.param("screenedAt", screening.screenedAt().atOffset(ZoneOffset.UTC))
			.update();
	}
}
