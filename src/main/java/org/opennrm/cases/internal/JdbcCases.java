package org.opennrm.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.opennrm.cases.AgeGroup;
import org.opennrm.cases.BestInterests;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseChanged;
import org.opennrm.cases.CaseOpened;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.Cases;
import org.opennrm.cases.PersonStatus;
import org.opennrm.cases.Protection;
import org.opennrm.cases.RiskLevel;
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
			+ "closure_reason, closed_at, age_group, person_status, protection, risk_level, risk_assessed_at, guardian, "
			+ "bi_placement, bi_family_contact, bi_return, bi_determined_at";

	private final JdbcClient jdbc;

	private final CaseProperties properties;

	private final ApplicationEventPublisher events;

	JdbcCases(JdbcClient jdbc, CaseProperties properties, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.events = events;
	}

	@Override
	public Case open(NewCase intake) {
		String caseId = UUID.randomUUID().toString();
		String jurisdiction = intake.jurisdiction() == null ? this.properties.jurisdiction() : intake.jurisdiction();
		Instant now = EngineClock.now();
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into nrm_case (case_id, jurisdiction, lead_agency, opened_by, opened_at, status, age_group,
				                      person_status, protection)
				values (:caseId, :jurisdiction, :leadAgency, :openedBy, :openedAt, :status, :ageGroup, :personStatus,
				        :protection)""")
			.param("caseId", caseId)
			.param("jurisdiction", jurisdiction)
			.param("leadAgency", intake.leadAgency())
			.param("openedBy", intake.openedBy())
			.param("openedAt", utc(now))
			.param("status", CaseStatus.Active.name())
			.param("ageGroup", intake.ageGroup().name())
			.param("personStatus", PersonStatus.AtRisk.name())
			.param("protection", Protection.None.name())
			.update(keys, "case_number");
		long number = keys.getKeyAs(Long.class);
		String reference = this.properties.reference(now.atOffset(ZoneOffset.UTC).getYear(), number);
		this.jdbc.sql("update nrm_case set reference = :reference where case_id = :caseId")
			.param("reference", reference)
			.param("caseId", caseId)
			.update();
		Case opened = findById(caseId).orElseThrow();
		this.events.publishEvent(new CaseOpened(caseId, reference, intake.leadAgency(), intake.openedBy(), now));
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
	public List<OpenCaseCount> countOpen() {
		return this.jdbc.sql("""
				select status, person_status, lead_agency, jurisdiction, count(*) as cases from nrm_case
				where status in (:open)
				group by status, person_status, lead_agency, jurisdiction
				order by status, person_status, lead_agency, jurisdiction""")
			.param("open", Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen).map(Enum::name).toList())
			.query((rs, row) -> new OpenCaseCount(CaseStatus.valueOf(rs.getString("status")),
					PersonStatus.valueOf(rs.getString("person_status")), rs.getString("lead_agency"),
					rs.getString("jurisdiction"), rs.getLong("cases")))
			.list();
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
	public Case change(String caseId, UnaryOperator<Case> transition) {
		// Read as it is now and locked until the transaction ends, in one statement.
		Case before = this.jdbc.sql("select " + COLUMNS + " from nrm_case where case_id = :caseId for update")
			.param("caseId", caseId)
			.query(JdbcCases::map)
			.optional()
			.orElseThrow(() -> Problems.notFound("problem.case.noSuchCase"));
		Case after = transition.apply(before);
		if (after.equals(before)) {
			return before;
		}
		BestInterests interests = after.bestInterests();
		this.jdbc.sql("""
				update nrm_case set lead_agency = :leadAgency, status = :status, closure_reason = :closureReason,
				       closed_at = :closedAt, age_group = :ageGroup, person_status = :personStatus,
				       protection = :protection, risk_level = :riskLevel, risk_assessed_at = :riskAssessedAt,
				       guardian = :guardian, bi_placement = :biPlacement, bi_family_contact = :biFamilyContact,
				       bi_return = :biReturn, bi_determined_at = :biDeterminedAt
				where case_id = :caseId""")
			.param("leadAgency", after.leadAgency())
			.param("status", after.status().name())
			.param("closureReason", after.closureReason())
			.param("closedAt", utc(after.closedAt()))
			.param("ageGroup", after.ageGroup().name())
			.param("personStatus", after.personStatus().name())
			.param("protection", after.protection().name())
			.param("riskLevel", after.riskLevel() == null ? null : after.riskLevel().name())
			.param("riskAssessedAt", utc(after.riskAssessedAt()))
			.param("guardian", after.guardian())
			.param("biPlacement", interests == null ? null : interests.placementInBestInterests())
			.param("biFamilyContact", interests == null ? null : interests.familyContactInBestInterests())
			.param("biReturn", interests == null ? null : interests.returnInBestInterests())
			.param("biDeterminedAt", interests == null ? null : utc(interests.determinedAt()))
			.param("caseId", caseId)
			.update();
		this.events.publishEvent(new CaseChanged(before, after, EngineClock.now()));
		return after;
	}

	@Override
	@Transactional(readOnly = true)
	public long count() {
		return this.jdbc.sql("select count(*) from nrm_case").query(Long.class).single();
	}

	@Override
	@Transactional(readOnly = true)
	public List<String> allIds() {
		return this.jdbc.sql("select case_id from nrm_case order by case_number").query(String.class).list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Case> closedBefore(Instant cutoff, int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from nrm_case where status in (:closed) and closed_at < :cutoff "
				+ "order by closed_at, case_number limit :limit")
			.param("closed", List.of(CaseStatus.Closed.name(), CaseStatus.ClosedReferred.name()))
			.param("cutoff", utc(cutoff))
			.param("limit", limit)
			.query(JdbcCases::map)
			.list();
	}

	@Override
	public void remove(String caseId) {
		Case found = findById(caseId).orElseThrow(() -> Problems.notFound("problem.case.noSuchCase"));
		if (found.isOpen()) {
			throw Problems.conflict("problem.case.open", found.reference());
		}
		this.jdbc.sql("delete from nrm_case where case_id = :caseId").param("caseId", caseId).update();
	}

	@Override
	public Optional<Case> lock(String reference) {
		return this.jdbc.sql("select " + COLUMNS + " from nrm_case where reference = :reference for update")
			.param("reference", reference)
			.query(JdbcCases::map)
			.optional();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static Case map(ResultSet rs, int row) throws SQLException {
		String risk = rs.getString("risk_level");
		Instant determined = instant(rs, "bi_determined_at");
		BestInterests interests = determined == null ? null
				: new BestInterests(rs.getBoolean("bi_placement"), rs.getBoolean("bi_family_contact"),
						rs.getBoolean("bi_return"), determined);
		return new Case(rs.getString("case_id"), rs.getString("reference"), rs.getString("jurisdiction"),
				rs.getString("lead_agency"), rs.getString("opened_by"), instant(rs, "opened_at"),
				CaseStatus.valueOf(rs.getString("status")), rs.getString("closure_reason"), instant(rs, "closed_at"),
				AgeGroup.valueOf(rs.getString("age_group")), PersonStatus.valueOf(rs.getString("person_status")),
				Protection.valueOf(rs.getString("protection")), risk == null ? null : RiskLevel.valueOf(risk),
				instant(rs, "risk_assessed_at"), rs.getString("guardian"), interests);
	}
}
