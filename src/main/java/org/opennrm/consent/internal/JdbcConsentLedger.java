package org.opennrm.consent.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.opennrm.consent.ConsentDecision;
import org.opennrm.consent.ConsentLedger;
import org.opennrm.consent.ConsentPurpose;
import org.opennrm.consent.ConsentWithdrawn;
import org.opennrm.platform.EngineClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** An append-only ledger: decisions are never updated, a later decision supersedes an earlier one. */
@Repository
@Transactional
class JdbcConsentLedger implements ConsentLedger {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	JdbcConsentLedger(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@Override
	public ConsentDecision record(String caseId, ConsentPurpose purpose, String recipient, boolean given,
			ConsentDecision.GivenBy givenBy, String recordedBy) {
		if (purpose.hasRecipient() != (recipient != null)) {
			throw new IllegalArgumentException(purpose + (purpose.hasRecipient() ? " needs" : " takes no") + " recipient");
		}
		boolean heldBefore = holds(caseId, purpose, recipient);
		Instant now = EngineClock.now();
		this.jdbc.sql("""
				insert into nrm_consent (case_id, purpose, recipient, given, given_by, recorded_by, recorded_at)
				values (:caseId, :purpose, :recipient, :given, :givenBy, :recordedBy, :recordedAt)""")
			.param("caseId", caseId)
			.param("purpose", purpose.name())
			.param("recipient", recipient)
			.param("given", given)
			.param("givenBy", givenBy.name())
			.param("recordedBy", recordedBy)
			.param("recordedAt", now.atOffset(ZoneOffset.UTC))
			.update();
		ConsentDecision decision = new ConsentDecision(caseId, purpose, recipient, given, givenBy, recordedBy, now);
		this.events.publishEvent(decision);
		if (heldBefore && !given) {
			this.events.publishEvent(new ConsentWithdrawn(decision));
		}
		return decision;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean holds(String caseId, ConsentPurpose purpose, String recipient) {
		return this.jdbc.sql("""
				select given from nrm_consent
				where case_id = :caseId and purpose = :purpose and coalesce(recipient, '') = :recipient
				order by recorded_at desc, id desc fetch first 1 rows only""")
			.param("caseId", caseId)
			.param("purpose", purpose.name())
			.param("recipient", recipient == null ? "" : recipient)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ConsentDecision> history(String caseId) {
		return this.jdbc.sql("select * from nrm_consent where case_id = :caseId order by recorded_at, id")
			.param("caseId", caseId)
			.query(JdbcConsentLedger::map)
			.list();
	}

	private static ConsentDecision map(ResultSet rs, int row) throws SQLException {
		return new ConsentDecision(rs.getString("case_id"), ConsentPurpose.valueOf(rs.getString("purpose")),
				rs.getString("recipient"), rs.getBoolean("given"),
				ConsentDecision.GivenBy.valueOf(rs.getString("given_by")), rs.getString("recorded_by"),
				rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
	}
}
