package org.opennrm.statistics.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The statistics rows ({@code nrm_statistics_person}, {@code nrm_statistics_attribute}) and their only tie to a case
 * ({@code nrm_statistics_link}). A registered victim (Eurostat: identified, or presumed, including one who then
 * withdrew or was lost contact with) stays one, unless a decision found no trafficking and the person was never
 * formally identified; a reconsideration that finds grounds again counts the same person once more, not twice. The
 * first decision's timing stays the first.
 */
@Repository
class StatisticsLedger {

	private static final String INSERT_PERSON = """
			insert into nrm_statistics_person (stat_id, jurisdiction, registered_year, registered_quarter,
			    referring_agency, sex, age_band, majority, citizenship, citizenship_group, exploitation, forced_marriage,
			    forced_military, organ_removal, slavery_and_practices, forced_criminality, abducted, person_status,
			    registered_victim, identified, case_status, days_to_preliminary, preliminary_in_time, days_to_formal,
			    formal_in_time, escalations)
			values (:statId, :jurisdiction, :registeredYear, :registeredQuarter, :referringAgency, :sex, :ageBand,
			    :majority, :citizenship, :citizenshipGroup, :exploitation, :forcedMarriage, :forcedMilitary, :organRemoval,
			    :slaveryAndPractices, :forcedCriminality, :abducted, :personStatus, :registeredVictim, :identified,
			    :caseStatus, :daysToPreliminary, :preliminaryInTime, :daysToFormal, :formalInTime, :escalations)""";

	private static final String INSERT_ATTRIBUTE = """
			insert into nrm_statistics_attribute (stat_id, kind, code) values (:statId, :kind, :code)""";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	StatisticsLedger(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * Adds persons that belong to no case (a synthetic population: the demo's history, tests, the benchmark), in
	 * batches.
	 */
	void addUnlinked(List<PersonRecord> persons) {
		List<Map<String, Object>> rows = new ArrayList<>();
		List<Map<String, Object>> attributes = new ArrayList<>();
		for (PersonRecord person : persons) {
			String statId = UUID.randomUUID().toString();
			Map<String, Object> row = columns(person);
			row.put("statId", statId);
			row.put("escalations", person.escalations());
			rows.add(row);
			attributes(person).forEach((kind, codes) -> codes
				.forEach(code -> attributes.add(Map.of("statId", statId, "kind", kind, "code", code))));
		}
		for (int from = 0; from < rows.size(); from += 1000) {
			this.batch.batchUpdate(INSERT_PERSON, SqlParameterSourceUtils
				.createBatch(rows.subList(from, Math.min(rows.size(), from + 1000)).toArray(Map[]::new)));
		}
		for (int from = 0; from < attributes.size(); from += 1000) {
			this.batch.batchUpdate(INSERT_ATTRIBUTE, SqlParameterSourceUtils
				.createBatch(attributes.subList(from, Math.min(attributes.size(), from + 1000)).toArray(Map[]::new)));
		}
	}

	/** Writes the person's row: a new one (with the referring agency) or an update of the one the case links to. */
	void save(String caseId, PersonRecord person) {
		Optional<String> existing = statIdOf(caseId);
		String statId = existing.orElseGet(() -> UUID.randomUUID().toString());
		Map<String, Object> values = columns(person);
		if (existing.isEmpty()) {
			this.jdbc.sql(INSERT_PERSON).params(values).param("statId", statId).param("escalations", 0).update();
			this.jdbc.sql("insert into nrm_statistics_link (case_id, stat_id) values (:caseId, :statId)")
				.param("caseId", caseId)
				.param("statId", statId)
				.update();
		}
		else {
			this.jdbc.sql("""
					update nrm_statistics_person set jurisdiction = :jurisdiction, sex = :sex, age_band = :ageBand,
					    majority = :majority, citizenship = :citizenship, citizenship_group = :citizenshipGroup,
					    exploitation = :exploitation, forced_marriage = :forcedMarriage, forced_military = :forcedMilitary,
					    organ_removal = :organRemoval, slavery_and_practices = :slaveryAndPractices,
					    forced_criminality = :forcedCriminality, abducted = :abducted, person_status = :personStatus,
					    registered_victim = case when :personStatus = 'NotIdentified' then (identified or :identified)
					                             else (registered_victim or :registeredVictim) end,
					    identified = (identified or :identified), case_status = :caseStatus,
					    days_to_preliminary = coalesce(days_to_preliminary, :daysToPreliminary),
					    preliminary_in_time = coalesce(preliminary_in_time, :preliminaryInTime),
					    days_to_formal = coalesce(days_to_formal, :daysToFormal),
					    formal_in_time = coalesce(formal_in_time, :formalInTime)
					where stat_id = :statId""")
				.params(values)
				.param("statId", statId)
				.update();
			this.jdbc.sql("delete from nrm_statistics_attribute where stat_id = :statId and kind <> 'Service'")
				.param("statId", statId)
				.update();
		}
		Map<String, java.util.Collection<String>> attributes = attributes(person);
		insertAttributes(statId, "Control", attributes.get("Control"));
		insertAttributes(statId, "Labour", attributes.get("Labour"));
		insertAttributes(statId, "Sexual", attributes.get("Sexual"));
		Set<String> knownServices = Set.copyOf(this.jdbc
			.sql("select code from nrm_statistics_attribute where stat_id = :statId and kind = 'Service'")
			.param("statId", statId)
			.query(String.class)
			.list());
		insertAttributes(statId, "Service",
				person.services().stream().filter(service -> !knownServices.contains(service)).toList());
	}

	/** The identification decisions whose timing statistics report. */
	enum Decision {
		Preliminary, Formal
	}

	/** The first decision of its kind on the case; later ones (reconsiderations) do not change it. */
	void recordDecision(String caseId, Decision kind, int days, Boolean inTime) {
		String prefix = kind == Decision.Preliminary ? "preliminary" : "formal";
		String daysColumn = kind == Decision.Preliminary ? "days_to_preliminary" : "days_to_formal";
		this.jdbc.sql("update nrm_statistics_person set " + daysColumn + " = :days, " + prefix + "_in_time = :inTime"
				+ " where " + daysColumn + " is null"
				+ " and stat_id = (select stat_id from nrm_statistics_link where case_id = :caseId)")
			.param("days", days)
			.param("inTime", inTime)
			.param("caseId", caseId)
			.update();
	}

	/** One more missed and escalated deadline of the case. */
	void addEscalation(String caseId) {
		this.jdbc.sql("""
				update nrm_statistics_person set escalations = escalations + 1
				where stat_id = (select stat_id from nrm_statistics_link where case_id = :caseId)""")
			.param("caseId", caseId)
			.update();
	}

	Optional<String> statIdOf(String caseId) {
		return this.jdbc.sql("select stat_id from nrm_statistics_link where case_id = :caseId")
			.param("caseId", caseId)
			.query(String.class)
			.optional();
	}

	/** Cuts the person's row off from the case: the counts stay, nothing leads back. */
	int unlink(String caseId) {
		return this.jdbc.sql("delete from nrm_statistics_link where case_id = :caseId").param("caseId", caseId).update();
	}

	/** The multiple answers by kind, as {@code nrm_statistics_attribute} keeps them. */
	private static Map<String, java.util.Collection<String>> attributes(PersonRecord person) {
		Map<String, java.util.Collection<String>> byKind = new LinkedHashMap<>();
		byKind.put("Control", person.meansOfControl());
		byKind.put("Labour", person.labour());
		byKind.put("Sexual", person.sexual());
		byKind.put("Service", person.services());
		return byKind;
	}

	private void insertAttributes(String statId, String kind, java.util.Collection<String> codes) {
		for (String code : new java.util.TreeSet<>(codes)) {
			this.jdbc.sql(INSERT_ATTRIBUTE)
				.param("statId", statId)
				.param("kind", kind)
				.param("code", code)
				.update();
		}
	}

	private static Map<String, Object> columns(PersonRecord person) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("jurisdiction", person.jurisdiction());
		values.put("registeredYear", person.registeredYear());
		values.put("registeredQuarter", person.registeredQuarter());
		values.put("referringAgency", person.referringAgency());
		values.put("sex", person.sex());
		values.put("ageBand", person.ageBand());
		values.put("majority", person.majority());
		values.put("citizenship", person.citizenship());
		values.put("citizenshipGroup", person.citizenshipGroup());
		values.put("exploitation", person.exploitation());
		values.put("forcedMarriage", person.otherForms().contains("ForcedMarriage"));
		values.put("forcedMilitary", person.otherForms().contains("ForcedMilitary"));
		values.put("organRemoval", person.otherForms().contains("OrganRemoval"));
		values.put("slaveryAndPractices", person.otherForms().contains("SlaveryAndPractices"));
		values.put("forcedCriminality", person.otherForms().contains("ForcedCriminality"));
		values.put("abducted", person.abducted());
		values.put("personStatus", person.personStatus());
		values.put("registeredVictim", person.registeredVictim());
		values.put("identified", person.identified());
		values.put("caseStatus", person.caseStatus());
		values.put("daysToPreliminary", person.daysToPreliminary());
		values.put("preliminaryInTime", person.preliminaryInTime());
		values.put("daysToFormal", person.daysToFormal());
		values.put("formalInTime", person.formalInTime());
		return values;
	}
}
