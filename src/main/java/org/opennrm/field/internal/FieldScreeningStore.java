package org.opennrm.field.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.opennrm.casefile.DraftSeal;
import org.opennrm.platform.EngineClock;
import org.opennrm.retention.PersonalCaseData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The field screenings of mobile teams ({@code nrm_field_screening}): which case a team opened from which form, and the
 * answers given so far, sealed with the case file's key. Nothing here names the person.
 */
@Repository
class FieldScreeningStore implements PersonalCaseData {

	static final String ANSWERS = "field-screening-answers";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final JdbcClient jdbc;

	private final DraftSeal seal;

	FieldScreeningStore(JdbcClient jdbc, DraftSeal seal) {
		this.jdbc = jdbc;
		this.seal = seal;
	}

	/** One team's screening: its opaque id, the idempotency key of the form that opened it, and its case. */
	record FieldScreening(String screeningId, String requestId, String caseId, String caseReference, String team,
			String openedBy, String suspectedExploitation, int answersSaved, Instant openedAt) {
	}

	/**
	 * Claims an opening form's idempotency key: the row is there before the case, so a concurrent resubmission of the
	 * same form waits for this transaction and then fails on the key instead of opening a second case.
	 */
	FieldScreening claim(String requestId, String team, String openedBy, String suspectedExploitation) {
		String screeningId = UUID.randomUUID().toString();
		Instant now = EngineClock.now();
		this.jdbc.sql("""
				insert into nrm_field_screening (screening_id, request_id, team, opened_by, suspected_exploitation,
				answers_saved, opened_at) values (:id, :request, :team, :by, :form, 0, :at)""")
			.param("id", screeningId)
			.param("request", requestId)
			.param("team", team)
			.param("by", openedBy)
			.param("form", suspectedExploitation)
			.param("at", java.sql.Timestamp.from(now))
			.update();
		return new FieldScreening(screeningId, requestId, null, null, team, openedBy, suspectedExploitation, 0, now);
	}

	void attachCase(String screeningId, String caseId, String reference) {
		this.jdbc.sql("update nrm_field_screening set case_id = :caseId, case_reference = :reference "
				+ "where screening_id = :id")
			.param("caseId", caseId)
			.param("reference", reference)
			.param("id", screeningId)
			.update();
	}

	Optional<FieldScreening> byRequest(String requestId) {
		return this.jdbc.sql(SELECT + " where request_id = :request and case_id is not null")
			.param("request", requestId)
			.query(FieldScreeningStore::row)
			.optional();
	}

	Optional<FieldScreening> byId(String screeningId) {
		return this.jdbc.sql(SELECT + " where screening_id = :id and case_id is not null")
			.param("id", screeningId)
			.query(FieldScreeningStore::row)
			.optional();
	}

	/** The screenings these teams opened, newest first. */
	List<FieldScreening> ofTeams(List<String> teams, int limit) {
		if (teams.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(SELECT + " where team in (:teams) and case_id is not null order by opened_at desc")
			.param("teams", teams)
			.query(FieldScreeningStore::row)
			.list()
			.stream()
			.limit(limit)
			.toList();
	}

	/** The answers given so far (indicator codes), empty when none or once submitted. */
	List<String> answers(FieldScreening screening) {
		byte[] sealed = this.jdbc.sql("select answers from nrm_field_screening where screening_id = :id")
			.param("id", screening.screeningId())
			.query((rs, n) -> rs.getBytes(1))
			.optional()
			.orElse(null);
		if (sealed == null) {
			return List.of();
		}
		try {
			return JSON.readValue(this.seal.open(screening.caseId(), ANSWERS, sealed), new TypeReference<List<String>>() {
			});
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("The saved answers of a field screening cannot be read");
		}
	}

	/** Replaces the answers given so far; answers the number of saves so far. */
	int saveAnswers(FieldScreening screening, List<String> codes) {
		byte[] sealed;
		try {
			sealed = this.seal.seal(screening.caseId(), ANSWERS, JSON.writeValueAsBytes(codes));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write the answers of a field screening", ex);
		}
		this.jdbc.sql("update nrm_field_screening set answers = :answers, answers_saved = answers_saved + 1 "
				+ "where screening_id = :id")
			.param("answers", sealed)
			.param("id", screening.screeningId())
			.update();
		return screening.answersSaved() + 1;
	}

	/** The screening was submitted: its answers are in the case file now, and go from here. */
	void forgetAnswers(FieldScreening screening) {
		this.jdbc.sql("update nrm_field_screening set answers = null where screening_id = :id")
			.param("id", screening.screeningId())
			.update();
	}

	@Override
	public java.util.Map<String, Integer> erase(ErasedCase erased) {
		return java.util.Map.of("field.screening", this.jdbc.sql("delete from nrm_field_screening where case_id = :id")
			.param("id", erased.caseId())
			.update());
	}

	private static final String SELECT = "select screening_id, request_id, case_id, case_reference, team, opened_by, "
			+ "suspected_exploitation, answers_saved, opened_at from nrm_field_screening";

	private static FieldScreening row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new FieldScreening(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getInt(8), rs.getTimestamp(9).toInstant());
	}

}
