package org.opennrm.transnational.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.opennrm.casefile.Section;
import org.opennrm.cases.Cases;
import org.opennrm.identification.SuspectedExploitation;
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
 * The referrals this instance sends ({@code nrm_transnational_referral}). Each status change is a guarded transition
 * on a locked row, with its step and an event for the audit trail, in the transaction of whatever caused it.
 */
@Repository
@Transactional
class OutgoingReferrals {

	private static final String COLUMNS = "id, case_id, process_instance_id, peer_country, referral_kind, "
			+ "services_continue, suspected_exploitation, interpreter_needed, status, proposed_by, proposing_agency, "
			+ "shared_fields, package_hash, decline_reason, sharing_stopped, proposed_at, updated_at";

	private final JdbcClient jdbc;

	private final ReferralSteps steps;

	private final Cases cases;

	private final ApplicationEventPublisher events;

	OutgoingReferrals(JdbcClient jdbc, ReferralSteps steps, Cases cases, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.steps = steps;
		this.cases = cases;
		this.events = events;
	}

	/** One referral as the registry holds it. */
	record Row(String id, String caseId, String processInstanceId, String peerCountry, ReferralKind kind,
			boolean servicesContinue, SuspectedExploitation suspectedExploitation, boolean interpreterNeeded,
			ReferralStatus status, String proposedBy, String proposingAgency, Map<Section, Set<String>> fields,
			String packageHash, DeclineReason declineReason, boolean sharingStopped, Instant proposedAt,
			Instant updatedAt) {
	}

	/** What a proposal names. */
	record Proposal(String id, String caseId, String peerCountry, ReferralKind kind, boolean servicesContinue,
			SuspectedExploitation suspectedExploitation, boolean interpreterNeeded, String proposedBy,
			String proposingAgency, Map<Section, Set<String>> fields) {

		Proposal {
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(caseId, "caseId");
			Objects.requireNonNull(peerCountry, "peerCountry");
			Objects.requireNonNull(kind, "kind");
			Objects.requireNonNull(proposedBy, "proposedBy");
			Objects.requireNonNull(proposingAgency, "proposingAgency");
			fields = Map.copyOf(fields);
		}
	}

	Row propose(Proposal proposal) {
		Instant now = EngineClock.now();
		this.jdbc.sql("insert into nrm_transnational_referral (" + COLUMNS + ") values (:id, :caseId, null, :peer, :kind, "
				+ ":servicesContinue, :exploitation, :interpreter, :status, :proposedBy, :agency, :fields, null, null, "
				+ "false, :now, :now)")
			.param("id", proposal.id())
			.param("caseId", proposal.caseId())
			.param("peer", proposal.peerCountry())
			.param("kind", proposal.kind().name())
			.param("servicesContinue", proposal.servicesContinue())
			.param("exploitation", proposal.suspectedExploitation().name())
			.param("interpreter", proposal.interpreterNeeded())
			.param("status", ReferralStatus.Proposed.name())
			.param("proposedBy", proposal.proposedBy())
			.param("agency", proposal.proposingAgency())
			.param("fields", SharedFields.format(proposal.fields()))
			.param("now", utc(now))
			.update();
		Row row = require(proposal.id());
		recorded(row, ReferralStatus.Proposed.name(), proposal.proposedBy(), SharedFields.format(proposal.fields()), now);
		return row;
	}

	void attachProcess(String id, String processInstanceId) {
		this.jdbc.sql("update nrm_transnational_referral set process_instance_id = :pid where id = :id")
			.param("pid", processInstanceId)
			.param("id", id)
			.update();
	}

	@Transactional(readOnly = true)
	Optional<Row> find(String id) {
		return this.jdbc.sql("select " + COLUMNS + " from nrm_transnational_referral where id = :id")
			.param("id", id)
			.query(OutgoingReferrals::row)
			.optional();
	}

	/** The row, locked until the transaction ends. */
	Optional<Row> locked(String id) {
		return this.jdbc.sql("select " + COLUMNS + " from nrm_transnational_referral where id = :id for update")
			.param("id", id)
			.query(OutgoingReferrals::row)
			.optional();
	}

	@Transactional(readOnly = true)
	List<Row> ofCase(String caseId) {
		return this.jdbc.sql("select " + COLUMNS + " from nrm_transnational_referral where case_id = :caseId "
				+ "order by proposed_at, id")
			.param("caseId", caseId)
			.query(OutgoingReferrals::row)
			.list();
	}

	@Transactional(readOnly = true)
	List<Row> recent(int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from nrm_transnational_referral order by updated_at desc, id "
				+ "fetch first " + limit + " rows only")
			.query(OutgoingReferrals::row)
			.list();
	}

	/** Moves a referral on; a transition its status does not allow is a programming error or a race, never silent. */
	Row move(String id, ReferralStatus next, String actor, String detail) {
		Row current = locked(id).orElseThrow(() -> new IllegalStateException("No referral " + id));
		if (!current.status().next().contains(next)) {
			throw new IllegalStateException("Referral " + id + " is " + current.status() + " and cannot become " + next);
		}
		Instant now = EngineClock.now();
		this.jdbc.sql("update nrm_transnational_referral set status = :status, updated_at = :now where id = :id")
			.param("status", next.name())
			.param("now", utc(now))
			.param("id", id)
			.update();
		Row moved = require(id);
		recorded(moved, next.name(), actor, detail, now);
		return moved;
	}

	/** Approved: the package is sealed and in the outbox, with this hash. */
	Row approved(String id, String packageHash, String approvedBy) {
		this.jdbc.sql("update nrm_transnational_referral set package_hash = :hash where id = :id")
			.param("hash", packageHash)
			.param("id", id)
			.update();
		return move(id, ReferralStatus.Approved, approvedBy, null);
	}

	Row declined(String id, DeclineReason reason) {
		this.jdbc.sql("update nrm_transnational_referral set decline_reason = :reason where id = :id")
			.param("reason", reason.name())
			.param("id", id)
			.update();
		Row row = require(id);
		return move(id, ReferralStatus.Declined, "peer:" + row.peerCountry(), reason.name());
	}

	/** Consent was withdrawn after acceptance: nothing more of the case is shared with the peer. */
	void stopSharing(String id, String actor) {
		this.jdbc.sql("update nrm_transnational_referral set sharing_stopped = true, updated_at = :now where id = :id")
			.param("now", utc(EngineClock.now()))
			.param("id", id)
			.update();
		step(id, "SharingStopped", actor, null);
	}

	/** A step that changes no status (consent given, a failed attempt, the sending case closed). */
	void step(String id, String step, String actor, String detail) {
		recorded(require(id), step, actor, detail, EngineClock.now());
	}

	/** Every table row of one case's referrals, for erasure. */
	List<String> idsOfCase(String caseId) {
		return this.jdbc.sql("select id from nrm_transnational_referral where case_id = :caseId")
			.param("caseId", caseId)
			.query(String.class)
			.list();
	}

	int erase(String caseId) {
		return this.jdbc.sql("delete from nrm_transnational_referral where case_id = :caseId")
			.param("caseId", caseId)
			.update();
	}

	private void recorded(Row row, String step, String actor, String detail, Instant at) {
		this.steps.add(row.id(), Direction.Outgoing, step, actor, detail, at);
		String reference = this.cases.findById(row.caseId()).map(found -> found.reference()).orElse(null);
		this.events.publishEvent(new TransnationalReferralMoved(row.id(), Direction.Outgoing, row.caseId(), reference,
				row.peerCountry(), step, actor == null ? "system" : actor, row.packageHash(), detail, at));
	}

	private Row require(String id) {
		return find(id).orElseThrow(() -> new IllegalStateException("No referral " + id));
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		String decline = rs.getString("decline_reason");
		return new Row(rs.getString("id"), rs.getString("case_id"), rs.getString("process_instance_id"),
				rs.getString("peer_country"), ReferralKind.valueOf(rs.getString("referral_kind")),
				rs.getBoolean("services_continue"), SuspectedExploitation.valueOf(rs.getString("suspected_exploitation")),
				rs.getBoolean("interpreter_needed"), ReferralStatus.valueOf(rs.getString("status")),
				rs.getString("proposed_by"), rs.getString("proposing_agency"),
				SharedFields.parse(rs.getString("shared_fields")), rs.getString("package_hash"),
				decline == null ? null : DeclineReason.valueOf(decline), rs.getBoolean("sharing_stopped"),
				instant(rs, "proposed_at"), instant(rs, "updated_at"));
	}
}
