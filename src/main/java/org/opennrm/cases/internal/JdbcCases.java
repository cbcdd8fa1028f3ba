package org.opennrm.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.opennrm.cases.Case;
import org.opennrm.cases.CaseClosed;
import org.opennrm.cases.CaseLeadTransferred;
import org.opennrm.cases.CaseOpened;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.Cases;
import org.opennrm.platform.EngineClock;
import org.opennrm.platform.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional
class JdbcCases implements Cases {

	private static final String COLUMNS = "case_id, reference, jurisdiction, lead_agency, opened_by, opened_at, status, "
			+ "closure_reason, closed_at";

	private final JdbcClient jdbc;

	private final CaseProperties properties;

	private final ApplicationEventPublisher events;

	JdbcCases(JdbcClient jdbc, CaseProperties properties, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.events = events;
	}

	@Override
	public Case open(String leadAgency, String openedBy) {
		String caseId = UUID.randomUUID().toString();
		Instant now = EngineClock.now();
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into nrm_case (case_id, jurisdiction, lead_agency, opened_by, opened_at, status)
				values (:caseId, :jurisdiction, :leadAgency, :openedBy, :openedAt, :status)""")
			.param("caseId", caseId)
			.param("jurisdiction", this.properties.jurisdiction())
			.param("leadAgency", leadAgency)
			.param("openedBy", openedBy)
			.param("openedAt", utc(now))
			.param("status", CaseStatus.Active.name())
			.update(keys, "case_number");
		long number = keys.getKeyAs(Long.class);
		String reference = "%s-%d-%06d".formatted(this.properties.referencePrefix(), now.atOffset(ZoneOffset.UTC).getYear(),
				number);
		this.jdbc.sql("update nrm_case set reference = :reference where case_id = :caseId")
			.param("reference", reference)
			.param("caseId", caseId)
			.update();
		Case opened = new Case(caseId, reference, this.properties.jurisdiction(), leadAgency, openedBy, now,
				CaseStatus.Active, null, null);
		this.events.publishEvent(new CaseOpened(caseId, reference, leadAgency, openedBy, now));
		return opened;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Case> findById(String caseId) {
		return this.jdbc.sql("select " + COLUMNS + " from nrm_case where case_id = :caseId")
			.param("caseId", caseId)
			.query(JdbcCases::map)
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Case> findByReference(String reference) {
		return this.jdbc.sql("select " + COLUMNS + " from nrm_case where reference = :reference")
			.param("reference", reference)
			.query(JdbcCases::map)
			.optional();
	}

	@Override
	public Case transferLead(String caseId, String agency) {
		Case current = findById(caseId).orElseThrow(() -> Problems.notFound("No such case."));
		Case transferred = current.ledBy(agency);
		this.jdbc.sql("update nrm_case set lead_agency = :agency where case_id = :caseId")
			.param("agency", agency)
			.param("caseId", caseId)
			.update();
		this.events.publishEvent(new CaseLeadTransferred(caseId, current.reference(), current.leadAgency(), agency,
				EngineClock.now()));
		return transferred;
	}

	@Override
	public Case close(String caseId, CaseStatus status, String reason) {
		Case current = findById(caseId).orElseThrow(() -> Problems.notFound("No such case."));
		Case closed = current.close(status, reason, EngineClock.now());
		int updated = this.jdbc.sql("""
				update nrm_case set status = :status, closure_reason = :reason, closed_at = :closedAt
				where case_id = :caseId and status in ('Active', 'FollowUp')""")
			.param("status", closed.status().name())
			.param("reason", closed.closureReason())
			.param("closedAt", utc(closed.closedAt()))
			.param("caseId", caseId)
			.update();
		if (updated != 1) {
			throw Problems.conflict("Case " + current.reference() + " was closed at the same moment.");
		}
		this.events.publishEvent(
				new CaseClosed(caseId, closed.reference(), closed.status(), closed.closureReason(), closed.closedAt()));
		return closed;
	}

	@Override
	@Transactional(readOnly = true)
	public long count() {
		return this.jdbc.sql("select count(*) from nrm_case").query(Long.class).single();
	}

	@Override
	public void lock(String reference) {
		this.jdbc.sql("select case_id from nrm_case where reference = :reference for update")
			.param("reference", reference)
			.query(String.class)
			.optional();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static Case map(ResultSet rs, int row) throws SQLException {
		OffsetDateTime closedAt = rs.getObject("closed_at", OffsetDateTime.class);
		return new Case(rs.getString("case_id"), rs.getString("reference"), rs.getString("jurisdiction"),
				rs.getString("lead_agency"), rs.getString("opened_by"),
				rs.getObject("opened_at", OffsetDateTime.class).toInstant(), CaseStatus.valueOf(rs.getString("status")),
				rs.getString("closure_reason"), closedAt == null ? null : closedAt.toInstant());
	}
}
