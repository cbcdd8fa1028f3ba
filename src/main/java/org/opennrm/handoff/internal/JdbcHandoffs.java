package org.opennrm.handoff.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.opennrm.handoff.HandoffMoved;
import org.opennrm.handoff.Handoff;
import org.opennrm.handoff.HandoffStatus;
import org.opennrm.handoff.HandoffStep;
import org.opennrm.handoff.Handoffs;
import org.opennrm.handoff.ServiceHandoffProcess.ServiceType;
import org.opennrm.platform.EngineClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hand-off registry: one row per hand-off ({@code nrm_handoff}) and one per step ({@code nrm_handoff_step}). Each
 * change is a guarded transition of the hand-off's status, made on a locked row in the transaction of the process step
 * that records it, so the registry and the process never disagree.
 */
@Repository
@Transactional
class JdbcHandoffs implements Handoffs {

	private static final String COLUMNS = "id, case_id, process_instance_id, service, referring_agency, receiving_agency, "
			+ "status, attempts, offered_at, respond_by, updated_at";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	JdbcHandoffs(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * What an offer names.
	 *
	 * @param processInstanceId the {@code ServiceHandoff} instance
	 * @param caseId the case
	 * @param service the service offered
	 * @param referringAgency who hands over
	 * @param receivingAgency who is offered the service
	 * @param respondBy when the answer is due
	 */
	record Offer(String processInstanceId, String caseId, ServiceType service, String referringAgency,
			String receivingAgency, Instant respondBy) {

		Offer {
			Objects.requireNonNull(processInstanceId, "processInstanceId");
			Objects.requireNonNull(caseId, "caseId");
			Objects.requireNonNull(service, "service");
			Objects.requireNonNull(referringAgency, "referringAgency");
			Objects.requireNonNull(receivingAgency, "receivingAgency");
		}
	}

	/** Records an offer: a new hand-off, or the next offer of one that was declined. */
	Handoff offer(Offer offer) {
		Instant now = EngineClock.now();
		Optional<Handoff> current = locked(offer.processInstanceId());
		String id;
		if (current.isEmpty()) {
			id = UUID.randomUUID().toString();
			this.jdbc.sql("""
					insert into nrm_handoff (id, case_id, process_instance_id, service, referring_agency,
					                         receiving_agency, status, attempts, offered_at, respond_by, updated_at)
					values (:id, :caseId, :processInstanceId, :service, :referringAgency, :receivingAgency, :status, 1,
					        :now, :respondBy, :now)""")
				.param("id", id)
				.param("caseId", offer.caseId())
				.param("processInstanceId", offer.processInstanceId())
				.param("service", offer.service().name())
				.param("referringAgency", offer.referringAgency())
				.param("receivingAgency", offer.receivingAgency())
				.param("status", HandoffStatus.Offered.name())
				.param("now", utc(now))
				.param("respondBy", utc(offer.respondBy()))
				.update();
		}
		else {
			Handoff declined = current.get();
			requireTransition(declined, HandoffStatus.Offered);
			id = declined.id();
			this.jdbc.sql("""
					update nrm_handoff set receiving_agency = :receivingAgency, status = :status,
					       attempts = attempts + 1, offered_at = :now, respond_by = :respondBy, updated_at = :now
					where id = :id""")
				.param("receivingAgency", offer.receivingAgency())
				.param("status", HandoffStatus.Offered.name())
				.param("now", utc(now))
				.param("respondBy", utc(offer.respondBy()))
				.param("id", id)
				.update();
		}
		step(id, HandoffStatus.Offered, offer.receivingAgency(), null, now);
		return find(id);
	}

	/** The receiving agency took the person on. */
	Handoff accept(String processInstanceId) {
		Handoff current = require(processInstanceId);
		return move(current, HandoffStatus.Accepted, current.receivingAgency(), null);
	}

	/** The receiving agency declined, with its reason code. */
	Handoff decline(String processInstanceId, String reason) {
		Handoff current = require(processInstanceId);
		return move(current, HandoffStatus.Declined, current.receivingAgency(), reason);
	}

	/**
	 * What a withdrawal names: enough to record a hand-off that was withdrawn before any provider was offered it (when
	 * the routing table names none and the referring agency gives up).
	 *
	 * @param processInstanceId the {@code ServiceHandoff} instance
	 * @param caseId the case
	 * @param service the service
	 * @param referringAgency who withdrew it
	 */
	record Withdrawal(String processInstanceId, String caseId, ServiceType service, String referringAgency) {

		Withdrawal {
			Objects.requireNonNull(processInstanceId, "processInstanceId");
			Objects.requireNonNull(caseId, "caseId");
			Objects.requireNonNull(service, "service");
			Objects.requireNonNull(referringAgency, "referringAgency");
		}
	}

	/** The referring agency withdrew the hand-off. */
	Handoff withdraw(Withdrawal withdrawal) {
		Optional<Handoff> current = locked(withdrawal.processInstanceId());
		if (current.isPresent()) {
			return move(current.get(), HandoffStatus.Withdrawn, current.get().referringAgency(), null);
		}
		Instant now = EngineClock.now();
		String id = UUID.randomUUID().toString();
		this.jdbc.sql("""
				insert into nrm_handoff (id, case_id, process_instance_id, service, referring_agency, status, attempts,
				                         updated_at)
				values (:id, :caseId, :processInstanceId, :service, :referringAgency, :status, 0, :now)""")
			.param("id", id)
			.param("caseId", withdrawal.caseId())
			.param("processInstanceId", withdrawal.processInstanceId())
			.param("service", withdrawal.service().name())
			.param("referringAgency", withdrawal.referringAgency())
			.param("status", HandoffStatus.Withdrawn.name())
			.param("now", utc(now))
			.update();
		step(id, HandoffStatus.Withdrawn, withdrawal.referringAgency(), null, now);
		return find(id);
	}

	/**
	 * How an accepted service ended: {@code Delivered}, {@code NotDelivered} or {@code PersonDeclined}, with an optional
	 * reason code (how psycho-social support ended).
	 */
	Handoff finish(String processInstanceId, HandoffStatus outcome, String reason) {
		Handoff current = require(processInstanceId);
		return move(current, outcome, current.receivingAgency(), reason);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Handoff> ofCase(String caseId) {
		List<Row> rows = this.jdbc.sql("select " + COLUMNS + " from nrm_handoff h where case_id = :caseId order by "
				+ "(select min(s.id) from nrm_handoff_step s where s.handoff_id = h.id), id")
			.param("caseId", caseId)
			.query(JdbcHandoffs::row)
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<String, List<HandoffStep>> steps = new LinkedHashMap<>();
		rows.forEach(row -> steps.put(row.id(), new ArrayList<>()));
		this.jdbc.sql("select handoff_id, step, agency, reason, at from nrm_handoff_step where handoff_id in (:ids) "
				+ "order by id")
			.param("ids", List.copyOf(steps.keySet()))
			.query((rs, n) -> Map.entry(rs.getString("handoff_id"), step(rs)))
			.list()
			.forEach(step -> steps.get(step.getKey()).add(step.getValue()));
		return rows.stream().map(row -> row.toHandoff(steps.get(row.id()))).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Handoff> findByProcessInstance(String processInstanceId) {
		return this.jdbc.sql("select " + COLUMNS + " from nrm_handoff where process_instance_id = :pid")
			.param("pid", processInstanceId)
			.query(JdbcHandoffs::row)
			.optional()
			.map(row -> row.toHandoff(steps(row.id())));
	}

	private Handoff move(Handoff current, HandoffStatus next, String agency, String reason) {
		requireTransition(current, next);
		Instant now = EngineClock.now();
		this.jdbc.sql("""
				update nrm_handoff set status = :status, respond_by = null, updated_at = :now where id = :id""")
			.param("status", next.name())
			.param("now", utc(now))
			.param("id", current.id())
			.update();
		step(current.id(), next, agency, reason, now);
		this.events.publishEvent(new HandoffMoved(current.id(), current.caseId(), current.service(), next, now));
		return find(current.id());
	}

	private static void requireTransition(Handoff current, HandoffStatus next) {
		if (!current.status().next().contains(next)) {
			throw new IllegalStateException(
					"Hand-off " + current.id() + " is " + current.status() + " and cannot become " + next);
		}
	}

	private Handoff require(String processInstanceId) {
		return locked(processInstanceId).orElseThrow(
				() -> new IllegalStateException("No hand-off for process instance " + processInstanceId));
	}

	private Optional<Handoff> locked(String processInstanceId) {
		return this.jdbc.sql("select id from nrm_handoff where process_instance_id = :pid for update")
			.param("pid", processInstanceId)
			.query(String.class)
			.optional()
			.map(this::find);
	}

	private Handoff find(String id) {
		Row row = this.jdbc.sql("select " + COLUMNS + " from nrm_handoff where id = :id")
			.param("id", id)
			.query(JdbcHandoffs::row)
			.single();
		return row.toHandoff(steps(id));
	}

	private List<HandoffStep> steps(String handoffId) {
		return this.jdbc.sql("select step, agency, reason, at from nrm_handoff_step where handoff_id = :id order by id")
			.param("id", handoffId)
			.query((rs, n) -> step(rs))
			.list();
	}

	private void step(String handoffId, HandoffStatus step, String agency, String reason, Instant at) {
		this.jdbc.sql("""
				insert into nrm_handoff_step (handoff_id, step, agency, reason, at)
				values (:handoffId, :step, :agency, :reason, :at)""")
			.param("handoffId", handoffId)
			.param("step", step.name())
			.param("agency", agency)
			.param("reason", reason)
			.param("at", utc(at))
			.update();
	}

	private static HandoffStep step(ResultSet rs) throws SQLException {
		return new HandoffStep(HandoffStatus.valueOf(rs.getString("step")), rs.getString("agency"),
				rs.getString("reason"), instant(rs, "at"));
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getString("id"), rs.getString("case_id"), ServiceType.valueOf(rs.getString("service")),
				rs.getString("referring_agency"), rs.getString("receiving_agency"),
				HandoffStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "offered_at"),
				instant(rs, "respond_by"), instant(rs, "updated_at"));
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	/** A hand-off's row, before its steps are read. */
	private record Row(String id, String caseId, ServiceType service, String referringAgency, String receivingAgency,
			HandoffStatus status, int attempts, Instant offeredAt, Instant respondBy, Instant updatedAt) {

		Handoff toHandoff(List<HandoffStep> steps) {
			return new Handoff(this.id, this.caseId, this.service, this.referringAgency, this.receivingAgency,
					this.status, this.attempts, this.offeredAt, this.respondBy, this.updatedAt, steps);
		}
	}
}
