package org.opennrm.oversight.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The absences and the covers they gave, in {@code nrm_absence} and {@code nrm_absence_cover}. */
@Repository
class AbsenceLedger {

	private static final String COLUMNS = "absence_id, user_id, substitute, first_day, last_day, reason, recorded_by, "
			+ "recorded_at";

	/** A candidate-user link this service added for an absence. */
	record Cover(String absenceId, String taskId, String substitute) {
	}

	private final JdbcClient jdbc;

	AbsenceLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Absence absence) {
		this.jdbc.sql("""
				insert into nrm_absence (absence_id, user_id, substitute, first_day, last_day, reason, recorded_by,
				                         recorded_at)
				values (:id, :userId, :substitute, :firstDay, :lastDay, :reason, :recordedBy, :recordedAt)""")
			.param("id", absence.id())
			.param("userId", absence.userId())
			.param("substitute", absence.substitute())
			.param("firstDay", absence.firstDay())
			.param("lastDay", absence.lastDay())
			.param("reason", absence.reason())
			.param("recordedBy", absence.recordedBy())
			.param("recordedAt", utc(absence.recordedAt()))
			.update();
	}

	/** Absences not ended, whose last day is today or later, by first day. */
	List<Absence> current(LocalDate today) {
		return this.jdbc.sql("select " + COLUMNS + " from nrm_absence where ended_at is null and last_day >= :today "
				+ "order by first_day, user_id")
			.param("today", today)
			.query((rs, row) -> map(rs, today))
			.list();
	}

	/** Absences that cover tasks today. */
	List<Absence> active(LocalDate today) {
		return this.jdbc.sql("select " + COLUMNS + " from nrm_absence where ended_at is null and first_day <= :today "
				+ "and last_day >= :today order by first_day")
			.param("today", today)
			.query((rs, row) -> map(rs, today))
			.list();
	}

	List<Absence> activeFor(String userId, LocalDate today) {
		return active(today).stream().filter(absence -> absence.userId().equals(userId)).toList();
	}

	/** Absences whose last day has passed but which nobody ended yet. */
	List<Absence> lapsed(LocalDate today) {
		return this.jdbc.sql("select " + COLUMNS + " from nrm_absence where ended_at is null and last_day < :today")
			.param("today", today)
			.query((rs, row) -> map(rs, today))
			.list();
	}

	boolean overlaps(String userId, LocalDate firstDay, LocalDate lastDay) {
		return this.jdbc.sql("select count(*) from nrm_absence where user_id = :userId and ended_at is null "
				+ "and first_day <= :lastDay and last_day >= :firstDay")
			.param("userId", userId)
			.param("firstDay", firstDay)
			.param("lastDay", lastDay)
			.query(Long.class)
			.single() > 0;
	}

	/** Locks an absence that has not ended, until the transaction ends. */
	Optional<Absence> lockOpen(String absenceId, LocalDate today) {
		return this.jdbc.sql("select " + COLUMNS + " from nrm_absence where absence_id = :id and ended_at is null "
				+ "for update")
			.param("id", absenceId)
			.query((rs, row) -> map(rs, today))
			.optional();
	}

	void end(String absenceId, String by, Instant at) {
		this.jdbc.sql("update nrm_absence set ended_by = :by, ended_at = :at where absence_id = :id")
			.param("by", by)
			.param("at", utc(at))
			.param("id", absenceId)
			.update();
	}

	List<Cover> covers() {
		return this.jdbc.sql("select absence_id, task_id, substitute from nrm_absence_cover")
			.query((rs, row) -> new Cover(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	List<Cover> coversOf(String taskId) {
		return this.jdbc.sql("select absence_id, task_id, substitute from nrm_absence_cover where task_id = :taskId")
			.param("taskId", taskId)
			.query((rs, row) -> new Cover(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	void addCover(Cover cover) {
		this.jdbc.sql("insert into nrm_absence_cover (absence_id, task_id, substitute) values (:a, :t, :s)")
			.param("a", cover.absenceId())
			.param("t", cover.taskId())
			.param("s", cover.substitute())
			.update();
	}

	void removeCover(Cover cover) {
		this.jdbc.sql("delete from nrm_absence_cover where absence_id = :a and task_id = :t")
			.param("a", cover.absenceId())
			.param("t", cover.taskId())
			.update();
	}

	private static Absence map(ResultSet rs, LocalDate today) throws SQLException {
		LocalDate first = rs.getObject("first_day", LocalDate.class);
		LocalDate last = rs.getObject("last_day", LocalDate.class);
		return new Absence(rs.getString("absence_id"), rs.getString("user_id"), rs.getString("substitute"), first, last,
				rs.getString("reason"), rs.getString("recorded_by"),
				rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
				!first.isAfter(today) && !last.isBefore(today));
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}
}
