package org.opennrm.statistics.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.opennrm.statistics.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts over {@code nrm_statistics_person}: persons of a period (by quarter of registration) and, optionally, one
 * jurisdiction. Every figure is a raw count; nothing here is released before disclosure control has seen it.
 */
@Repository
@Transactional(readOnly = true)
class StatisticsQueries {

	/** Who a table counts. */
	enum Population {

		/** Persons ever presumed or formally identified (Eurostat's registered victims). */
		REGISTERED_VICTIMS("p.registered_victim = true"),
		/** Every case registered. */
		REFERRALS("1 = 1");

		private final String condition;

		Population(String condition) {
			this.condition = condition;
		}
	}

	/** The column expressions tables break down by; the only SQL that reaches a query besides the fixed text. */
	static final Set<String> EXPRESSIONS = Set.of(QueryExpressions.SEX, QueryExpressions.EXPLOITATION, "p.majority",
			"p.age_band", "p.citizenship_group", "coalesce(p.citizenship, 'Unknown')", "p.referring_agency",
			"p.case_status", "p.person_status", QueryExpressions.QUARTER, QueryExpressions.OUTCOME, QueryExpressions.VICTIM_STATUS,
			QueryExpressions.ESCALATED);

	private final JdbcClient jdbc;

	StatisticsQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What a count is restricted to.
	 *
	 * @param period the quarters of registration
	 * @param jurisdiction one jurisdiction, or {@code null} for all
	 */
	record Scope(Period period, String jurisdiction) {

		String where() {
			return " where p.registered_year between :fromYear and :toYear"
					+ " and p.registered_year * 4 + p.registered_quarter - 1 between :fromIndex and :toIndex"
					+ (this.jurisdiction == null ? "" : " and p.jurisdiction = :jurisdiction");
		}

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
			JdbcClient.StatementSpec bound = statement.param("fromYear", this.period.from().year())
				.param("toYear", this.period.to().year())
				.param("fromIndex", this.period.from().index())
				.param("toIndex", this.period.to().index());
			return this.jurisdiction == null ? bound : bound.param("jurisdiction", this.jurisdiction);
		}
	}

	/** Persons by one breakdown. */
	Map<String, Long> oneWay(Scope scope, Population population, String expression) {
		requireKnown(expression);
		Map<String, Long> counts = new TreeMap<>();
		scope.bind(this.jdbc.sql("select " + expression + " as r, count(*) as n from nrm_statistics_person p"
				+ scope.where() + " and " + population.condition + " group by " + expression))
			.query((rs, n) -> counts.put(rs.getString("r"), rs.getLong("n")))
			.list();
		return counts;
	}

	/** Persons by two breakdowns: row, then column. */
	Map<String, Map<String, Long>> twoWay(Scope scope, Population population, String rows, String columns) {
		requireKnown(rows);
		requireKnown(columns);
		Map<String, Map<String, Long>> counts = new TreeMap<>();
		scope.bind(this.jdbc.sql("select " + rows + " as r, " + columns + " as c, count(*) as n"
				+ " from nrm_statistics_person p" + scope.where() + " and " + population.condition + " group by "
				+ rows + ", " + columns))
			.query((rs, n) -> counts.computeIfAbsent(rs.getString("r"), row -> new TreeMap<>())
				.put(rs.getString("c"), rs.getLong("n")))
			.list();
		return counts;
	}

	/** Persons with each answer of a multiple-answer question (means of control, services delivered). */
	Map<String, Long> answers(Scope scope, Population population, String kind) {
		Map<String, Long> counts = new TreeMap<>();
		scope.bind(this.jdbc.sql("select a.code as r, count(*) as n from nrm_statistics_person p"
				+ " join nrm_statistics_attribute a on a.stat_id = p.stat_id and a.kind = :kind" + scope.where()
				+ " and " + population.condition + " group by a.code"))
			.param("kind", kind)
			.query((rs, n) -> counts.put(rs.getString("r"), rs.getLong("n")))
			.list();
		return counts;
	}

	/**
	 * Decisions by whether they came in time: for the first preliminary and the first formal decision per person.
	 * @return row {@code Preliminary} or {@code Formal} to column {@code InTime} or {@code Late} to persons
	 */
	Map<String, Map<String, Long>> decisionsInTime(Scope scope) {
		Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
		for (String kind : List.of("Preliminary", "Formal")) {
			String column = "Preliminary".equals(kind) ? "p.preliminary_in_time" : "p.formal_in_time";
			Map<String, Long> row = new TreeMap<>();
			scope.bind(this.jdbc.sql("select " + column + " as in_time, count(*) as n from nrm_statistics_person p"
					+ scope.where() + " and " + column + " is not null group by " + column))
				.query((rs, n) -> row.put(rs.getBoolean("in_time") ? "InTime" : "Late", rs.getLong("n")))
				.list();
			counts.put(kind, row);
		}
		return counts;
	}

	/**
	 * Days from registration to the first decision of a kind.
	 * @param decision {@code Preliminary} or {@code Formal}
	 */
	DaysSummary daysToDecision(Scope scope, String decision) {
		String column = "Preliminary".equals(decision) ? "p.days_to_preliminary" : "p.days_to_formal";
		return scope.bind(this.jdbc.sql("select count(" + column + ") as n, avg(cast(" + column
				+ " as double precision)) as mean, percentile_cont(0.5) within group (order by " + column
				+ ") as median from nrm_statistics_person p" + scope.where() + " and " + column + " is not null"))
			.query((rs, n) -> new DaysSummary(decision, rs.getLong("n"), nullable(rs.getDouble("median"), rs.wasNull()),
					rs.getObject("mean") == null ? null : rs.getDouble("mean")))
			.single();
	}

	/** Every registered victim of the scope, for the record-level export (before k-anonymity). */
	List<PersonRow> persons(Scope scope) {
		Map<String, Set<String>> answers = new java.util.HashMap<>();
		scope.bind(this.jdbc.sql("select a.stat_id, a.kind, a.code from nrm_statistics_person p"
				+ " join nrm_statistics_attribute a on a.stat_id = p.stat_id and a.kind <> 'Service'" + scope.where()
				+ " and p.registered_victim = true"))
			.query((rs, n) -> answers.computeIfAbsent(rs.getString("stat_id"), id -> new java.util.TreeSet<>())
				.add(rs.getString("kind") + ":" + rs.getString("code")))
			.list();
		return scope.bind(this.jdbc.sql("""
				select p.stat_id, p.registered_year, p.sex, p.age_band, p.majority, p.citizenship,
				    p.citizenship_group, p.exploitation, p.forced_marriage, p.forced_military, p.organ_removal,
				    p.slavery_and_practices, p.forced_criminality, p.abducted
				from nrm_statistics_person p""" + scope.where() + " and p.registered_victim = true order by p.stat_id"))
			.query((rs, n) -> new PersonRow(rs.getInt("registered_year"), rs.getString("sex"),
					rs.getString("age_band"), rs.getString("majority"), rs.getString("citizenship"),
					rs.getString("citizenship_group"), rs.getString("exploitation"), rs.getBoolean("forced_marriage"),
					rs.getBoolean("forced_military"), rs.getBoolean("organ_removal"),
					rs.getBoolean("slavery_and_practices"), rs.getBoolean("forced_criminality"),
					rs.getBoolean("abducted"), answers.getOrDefault(rs.getString("stat_id"), Set.of())))
			.list();
	}

	private static Double nullable(double value, boolean wasNull) {
		return wasNull ? null : value;
	}

	private static void requireKnown(String expression) {
		if (!EXPRESSIONS.contains(expression)) {
			throw new IllegalArgumentException("Not a statistics breakdown: " + expression);
		}
	}

	/**
	 * Days from registration to a decision.
	 *
	 * @param decision {@code Preliminary} or {@code Formal}
	 * @param persons how many persons had that decision
	 * @param medianDays the median, {@code null} without any
	 * @param meanDays the mean, {@code null} without any
	 */
	record DaysSummary(String decision, long persons, Double medianDays, Double meanDays) {
	}

	/**
	 * One registered victim for the record-level export: categories only.
	 *
	 * @param answers multiple answers as {@code kind:code} ({@code Control:Threats}, {@code Labour:Agriculture}, ...)
	 */
	record PersonRow(int year, String sex, String ageBand, String majority, String citizenship,
			String citizenshipGroup, String exploitation, boolean forcedMarriage, boolean forcedMilitary,
			boolean organRemoval, boolean slaveryAndPractices, boolean forcedCriminality, boolean abducted,
			Set<String> answers) {
	}

	/** Derived breakdowns. */
	static final class QueryExpressions {

		/** The table's sex: Female and Male as recorded, every other gender (and none) {@code OtherOrUnknown}. */
		static final String SEX = "case when p.sex in ('Female', 'Male') then p.sex else 'OtherOrUnknown' end";

		/** The table's form: sexual and labour exploitation together count under {@code Other}, as Eurostat's forms. */
		static final String EXPLOITATION = "case when p.exploitation = 'SexAndLabour' then 'Other' else p.exploitation end";

		static final String QUARTER = "cast(p.registered_year as varchar(4)) || '-Q' || cast(p.registered_quarter as varchar(1))";

		static final String VICTIM_STATUS = "case when p.identified then 'Identified' else 'Presumed' end";

		static final String OUTCOME = "case when p.identified then 'Identified' when p.registered_victim then 'Presumed'"
				+ " when p.person_status = 'NotIdentified' then 'NotIdentified' else 'NoDecision' end";

		static final String ESCALATED = "case when p.escalations > 0 then 'Escalated' else 'NotEscalated' end";

		private QueryExpressions() {
		}
	}
}
