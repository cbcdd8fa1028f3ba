package org.opennrm.transnational.internal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.opennrm.casefile.Section;
import org.opennrm.cases.Cases;
import org.opennrm.platform.EngineClock;
import org.opennrm.transnational.DeclineReason;
import org.opennrm.transnational.ReferralKind;
import org.opennrm.transnational.ReferralStatus;
import org.opennrm.transnational.TransnationalReferralMoved.Direction;
import org.opennrm.transnational.TransnationalReferralMoved;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import static org.opennrm.transnational.internal.ReferralSteps.instant;
import static org.opennrm.transnational.internal.ReferralSteps.utc;

/**
 * The referrals that arrived from peers ({@code nrm_transnational_incoming}). One row per peer and referral id, so the
 * same referral delivered twice is one referral. The package is kept sealed as it arrived until the referral is
 * answered, then removed.
 */
@Repository
@Transactional
class IncomingReferrals {

	private static final String COLUMNS = "id, peer_country, referral_id, process_instance_id, referral_kind, status, "
			+ "shared_fields, package_hash, received_at, respond_by, decided_by, decline_reason, lead_agency, case_id, "
			+ "sharing_stopped, updated_at";

	private final JdbcClient jdbc;

	private final ReferralSteps steps;

	private final Cases cases;

	private final ApplicationEventPublisher events;

	IncomingReferrals(JdbcClient jdbc, ReferralSteps steps, Cases cases, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.steps = steps;
		this.cases = cases;
		this.events = events;
	}

	record Row(String id, String peerCountry, String referralId, String processInstanceId, ReferralKind kind,
			ReferralStatus status, Map<Section, Set<String>> fields, String packageHash, Instant receivedAt,
			Instant respondBy, String decidedBy, DeclineReason declineReason, String leadAgency, String caseId,
			boolean sharingStopped, Instant updatedAt) {
	}

	/** Records a referral that arrived, with its sealed package; {@code Delivered} from this side. */
	Row received(String peerCountry, String referralId, ReferralKind kind, Map<Section, Set<String>> fields,
			String packageHash, String sealedPackage) {
		String id = UUID.randomUUID().toString();
		Instant now = EngineClock.now();
		this.jdbc.sql("insert into nrm_transnational_incoming (" + COLUMNS + ", sealed_package) values (:id, :peer, "
				+ ":referralId, null, :kind, :status, :fields, :hash, :now, null, null, null, null, null, false, :now, "
				+ ":sealed)")
			.param("id", id)
			.param("peer", peerCountry)
			.param("referralId", referralId)
			.param("kind", kind.name())
			.param("status", ReferralStatus.Delivered.name())
			.param("fields", SharedFields.format(fields))
			.param("hash", packageHash)
			.param("now", utc(now))
			.param("sealed", sealedPackage.getBytes(StandardCharsets.US_ASCII))
			.update();
		Row row = require(id);
		recorded(row, ReferralStatus.Delivered.name(), "peer:" + peerCountry, null, now);
		return row;
	}

	void attachProcess(String id, String processInstanceId, Instant respondBy) {
		this.jdbc.sql("update nrm_transnational_incoming set process_instance_id = :pid, respond_by = :respondBy "
				+ "where id = :id")
			.param("pid", processInstanceId)
			.param("respondBy", utc(respondBy))
			.param("id", id)
			.update();
	}

	@Transactional(readOnly = true)
	Optional<Row> find(String id) {
		return this.jdbc.sql("select " + COLUMNS + " from nrm_transnational_incoming where id = :id")
			.param("id", id)
			.query(IncomingReferrals::row)
			.optional();
	}

	/** The referral from this peer with this id, locked until the transaction ends. */
	Optional<Row> locked(String peerCountry, String referralId) {
		return this.jdbc.sql("select " + COLUMNS + " from nrm_transnational_incoming "
				+ "where peer_country = :peer and referral_id = :referralId for update")
			.param("peer", peerCountry)
			.param("referralId", referralId)
			.query(IncomingReferrals::row)
			.optional();
	}

	@Transactional(readOnly = true)
	List<Row> recent(int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from nrm_transnational_incoming order by received_at desc, id "
				+ "fetch first " + limit + " rows only")
			.query(IncomingReferrals::row)
			.list();
	}

	/** The package as it arrived, sealed to this instance; empty once the referral was answered. */
	@Transactional(readOnly = true)
	Optional<String> sealedPackage(String id) {
		return this.jdbc.sql("select sealed_package from nrm_transnational_incoming where id = :id")
			.param("id", id)
			.query((rs, n) -> rs.getBytes(1))
			.optional()
			.filter(bytes -> bytes != null)
			.map(bytes -> new String(bytes, StandardCharsets.US_ASCII));
	}

	/** Who answered, before the answer is carried out. */
	void decidedBy(String id, String userId, String leadAgency) {
		this.jdbc.sql("update nrm_transnational_incoming set decided_by = :by, lead_agency = :agency where id = :id")
			.param("by", userId)
			.param("agency", leadAgency)
			.param("id", id)
			.update();
	}

	Row accepted(String id, String caseId) {
		this.jdbc.sql("update nrm_transnational_incoming set case_id = :caseId where id = :id")
			.param("caseId", caseId)
			.param("id", id)
			.update();
		Row row = require(id);
		return answered(id, ReferralStatus.Accepted, row.decidedBy(), row.leadAgency());
	}

	Row declined(String id, DeclineReason reason) {
		this.jdbc.sql("update nrm_transnational_incoming set decline_reason = :reason where id = :id")
			.param("reason", reason.name())
			.param("id", id)
			.update();
		return answered(id, ReferralStatus.Declined, require(id).decidedBy(), reason.name());
	}

	Row withdrawn(String id) {
		return answered(id, ReferralStatus.Withdrawn, "peer:" + require(id).peerCountry(), null);
	}

	/** The person withdrew consent after acceptance: the sender shares nothing more. */
	void sharingStopped(String id) {
		this.jdbc.sql("update nrm_transnational_incoming set sharing_stopped = true, updated_at = :now where id = :id")
			.param("now", utc(EngineClock.now()))
			.param("id", id)
			.update();
		step(id, "SharingStopped", "peer:" + require(id).peerCountry(), null);
	}

	void step(String id, String step, String actor, String detail) {
		recorded(require(id), step, actor, detail, EngineClock.now());
	}

	List<String> idsOfCase(String caseId) {
		return this.jdbc.sql("select id from nrm_transnational_incoming where case_id = :caseId")
			.param("caseId", caseId)
			.query(String.class)
			.list();
	}

	int erase(String caseId) {
		return this.jdbc.sql("delete from nrm_transnational_incoming where case_id = :caseId")
			.param("caseId", caseId)
			.update();
	}

	/** An answer: the package goes (it now lives in the case file, or nowhere), the due date with it. */
	private Row answered(String id, ReferralStatus next, String actor, String detail) {
		Row current = this.jdbc.sql("select " + COLUMNS + " from nrm_transnational_incoming where id = :id for update")
			.param("id", id)
			.query(IncomingReferrals::row)
			.single();
		if (current.status() != ReferralStatus.Delivered) {
			throw new IllegalStateException("Incoming referral " + id + " is " + current.status() + " already");
		}
		Instant now = EngineClock.now();
		this.jdbc.sql("update nrm_transnational_incoming set status = :status, sealed_package = null, respond_by = null, "
				+ "updated_at = :now where id = :id")
			.param("status", next.name())
			.param("now", utc(now))
			.param("id", id)
			.update();
		Row row = require(id);
		recorded(row, next.name(), actor, detail, now);
		return row;
	}

	private void recorded(Row row, String step, String actor, String detail, Instant at) {
		this.steps.add(row.id(), Direction.Incoming, step, actor, detail, at);
		String reference = row.caseId() == null ? null
				: this.cases.findById(row.caseId()).map(found -> found.reference()).orElse(null);
		this.events.publishEvent(new TransnationalReferralMoved(row.referralId(), Direction.Incoming, row.caseId(),
				reference, row.peerCountry(), step, actor == null ? "system" : actor, row.packageHash(), detail, at));
	}

	private Row require(String id) {
		return find(id).orElseThrow(() -> new IllegalStateException("No incoming referral " + id));
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		String decline = rs.getString("decline_reason");
		return new Row(rs.getString("id"), rs.getString("peer_country"), rs.getString("referral_id"),
				rs.getString("process_instance_id"), ReferralKind.valueOf(rs.getString("referral_kind")),
				ReferralStatus.valueOf(rs.getString("status")), SharedFields.parse(rs.getString("shared_fields")),
				rs.getString("package_hash"), instant(rs, "received_at"), instant(rs, "respond_by"),
				rs.getString("decided_by"), decline == null ? null : DeclineReason.valueOf(decline),
				rs.getString("lead_agency"), rs.getString("case_id"), rs.getBoolean("sharing_stopped"),
				instant(rs, "updated_at"));
	}
}
