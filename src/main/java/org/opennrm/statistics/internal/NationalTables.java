package org.opennrm.statistics.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.opennrm.casefile.IdentificationSection.MethodOfControl;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.PersonStatus;
import org.opennrm.handoff.ServiceHandoffProcess.ServiceType;
import org.opennrm.deadlines.Jurisdictions;
import org.opennrm.security.Role;
import org.opennrm.statistics.Period;
import org.opennrm.statistics.disclosure.CellSuppression;
import org.opennrm.statistics.disclosure.CountTable;
import org.opennrm.statistics.disclosure.ProtectedTable;
import org.opennrm.statistics.disclosure.SuppressionPolicy;
import org.opennrm.statistics.internal.StatisticsQueries.DaysSummary;
import org.opennrm.statistics.internal.StatisticsQueries.Population;
import org.opennrm.statistics.internal.StatisticsQueries.QueryExpressions;
import org.opennrm.statistics.internal.StatisticsQueries.Scope;
import org.springframework.stereotype.Component;

/**
 * The national tables: counted by {@link StatisticsQueries}, protected by cell suppression, and only then turned into
 * {@link StatisticsTable}s. There is no way to get a table out of this class without its protection.
 */
@Component
class NationalTables {

	private final StatisticsQueries queries;

	private final SuppressionPolicy policy;

	private final Jurisdictions jurisdictions;

	NationalTables(StatisticsQueries queries, Jurisdictions jurisdictions, StatisticsProperties properties) {
		this.queries = queries;
		this.jurisdictions = jurisdictions;
		this.policy = new SuppressionPolicy(properties.threshold());
	}

	/** Every national table for the period and jurisdiction, in the order of {@link Indicator}. */
	List<StatisticsTable> all(Period period, String jurisdiction) {
		Scope scope = new Scope(period, jurisdiction);
		Released released = released(scope);
		return Arrays.stream(Indicator.values()).map(indicator -> view(indicator, scope, released)).toList();
	}

	int threshold() {
		return this.policy.threshold();
	}

	/** One table, protected together with all the others, so that it releases exactly what {@link #all} does. */
	StatisticsTable table(Indicator indicator, Period period, String jurisdiction) {
		Scope scope = new Scope(period, jurisdiction);
		return view(indicator, scope, released(scope));
	}

	private StatisticsTable view(Indicator indicator, Scope scope, Released released) {
		List<StatisticsTable.Summary> summaries = indicator == Indicator.DECISIONS_WITHIN_DEADLINE
				? daysToDecisions(scope, released.counts().get(indicator)) : List.of();
		return TableViews.of(indicator, scope, released.tables().get(indicator), this.policy, summaries);
	}

	/**
	 * The national tables of a scope, raw and as released.
	 *
	 * @param counts the raw counts: for disclosure control only, never released as they are
	 * @param tables the tables as released
	 */
	record Released(Map<Indicator, CountTable> counts, Map<Indicator, ProtectedTable> tables) {
	}

	/**
	 * Counts every national table and protects them together ({@link LinkedProtection}): they count the same persons,
	 * so a cell withheld in one is withheld wherever it shows, and sums across tables are kept consistent.
	 */
	Released released(Scope scope) {
		Map<Indicator, CountTable> counts = new EnumMap<>(Indicator.class);
		for (Indicator indicator : Indicator.values()) {
			counts.put(indicator, counts(indicator, scope));
		}
		List<LinkedProtection.Table> tables = new ArrayList<>();
		counts.forEach((indicator, table) -> tables
			.add(new LinkedProtection.Table(indicator.name(), table, population(indicator))));
		Map<String, ProtectedTable> protectedByName = LinkedProtection.protect(tables,
				sums(counts, this.jurisdictions.profile(scope.jurisdiction()).country()), this.policy);
		Map<Indicator, ProtectedTable> released = new EnumMap<>(Indicator.class);
		protectedByName.forEach((name, table) -> released.put(Indicator.valueOf(name), table));
		return new Released(counts, released);
	}

	/** Which persons (or mentions) a table counts: tables with the same population share their cells' keys. */
	static String population(Indicator indicator) {
		return switch (indicator) {
			case REFERRALS_BY_FIRST_RESPONDER, CASES_BY_STATUS, ESCALATIONS_BY_QUARTER -> "R";
			case VICTIMS_BY_MEANS_OF_CONTROL -> "Mentions:control";
			case SERVICES_DELIVERED -> "Mentions:service";
			case DECISIONS_WITHIN_DEADLINE -> "Decisions";
			default -> "V";
		};
	}

	/** Counts that are sums of counts in other tables. */
	static List<LinkedProtection.Sum> sums(Map<Indicator, CountTable> counts, String ownCountry) {
		List<LinkedProtection.Sum> sums = new ArrayList<>();
		sums.add(sum("V|majority=Minor", Classification.MINOR_BANDS.stream().map(band -> "V|ageBand=" + band)));
		sums.add(sum("V|majority=Adult", Classification.ADULT_BANDS.stream().map(band -> "V|ageBand=" + band)));
		sums.add(sum("V|majority=Unknown", java.util.stream.Stream.of("V|ageBand=Unknown")));
		List<String> countries = counts.get(Indicator.VICTIMS_BY_CITIZENSHIP).rows();
		for (String group : Classification.CITIZENSHIP_GROUPS) {
			sums.add(sum("V|citizenshipGroup=" + group, countries.stream()
				.filter(country -> group.equals(Classification.citizenshipGroup(
						Classification.UNKNOWN.equals(country) ? null : country, ownCountry)))
				.map(country -> "V|citizenship=" + country)));
		}
		for (String agency : counts.get(Indicator.VICTIMS_BY_REFERRING_AGENCY).rows()) {
			sums.add(sum("V|referringAgency=" + agency,
					java.util.stream.Stream.of("R|firstResponder=" + agency + "|outcome=Identified",
							"R|firstResponder=" + agency + "|outcome=Presumed")));
		}
		sums.add(sum("V|status=Identified", java.util.stream.Stream.of("R|outcome=Identified")));
		sums.add(sum("V|status=Presumed", java.util.stream.Stream.of("R|outcome=Presumed")));
		sums.add(sum("V", java.util.stream.Stream.of("R|outcome=Identified", "R|outcome=Presumed")));
		return sums;
	}

	private static LinkedProtection.Sum sum(String key, java.util.stream.Stream<String> parts) {
		return new LinkedProtection.Sum(key, parts.toList());
	}

	/** The raw counts of a table: for disclosure control only, never released as they are. */
	private CountTable counts(Indicator indicator, Scope scope) {
		Period period = scope.period();
		Population victims = Population.REGISTERED_VICTIMS;
		Population referrals = Population.REFERRALS;
		List<String> quarters = period.quarters().stream().map(Object::toString).toList();
		List<String> agencies = Role.agencies().stream().map(Role::groupId).sorted().toList();
		return switch (indicator) {
			case VICTIMS_BY_SEX_AND_AGE -> twoWay("sex", Classification.SEXES, "majority",
					Classification.MAJORITY, this.queries.twoWay(scope, victims, QueryExpressions.SEX, "p.majority"));
			case VICTIMS_BY_AGE_BAND -> oneWay("ageBand", Classification.AGE_BANDS,
					this.queries.oneWay(scope, victims, "p.age_band"));
			case VICTIMS_BY_SEX_AND_CITIZENSHIP -> twoWay("sex", Classification.SEXES,
					"citizenshipGroup", Classification.CITIZENSHIP_GROUPS,
					this.queries.twoWay(scope, victims, QueryExpressions.SEX, "p.citizenship_group"));
			case VICTIMS_BY_CITIZENSHIP -> {
				Map<String, Long> counts = this.queries.oneWay(scope, victims, "coalesce(p.citizenship, 'Unknown')");
				yield oneWay("citizenship", withUnknownLast(counts.keySet()), counts);
			}
			case VICTIMS_BY_SEX_AND_EXPLOITATION -> twoWay("sex", Classification.SEXES,
					"exploitation", Classification.EXPLOITATION,
					this.queries.twoWay(scope, victims, QueryExpressions.SEX, QueryExpressions.EXPLOITATION));
			case VICTIMS_BY_MEANS_OF_CONTROL -> oneWay("meansOfControl",
					names(MethodOfControl.values()), this.queries.answers(scope, victims, "Control"));
			case VICTIMS_BY_REFERRING_AGENCY -> oneWay("referringAgency",
					withOthers(agencies, this.queries.oneWay(scope, referrals, "p.referring_agency")),
					this.queries.oneWay(scope, victims, "p.referring_agency"));
			case VICTIMS_BY_QUARTER -> twoWay("quarter", quarters, "status",
					List.of("Presumed", "Identified"),
					this.queries.twoWay(scope, victims, QueryExpressions.QUARTER, QueryExpressions.VICTIM_STATUS));
			case REFERRALS_BY_FIRST_RESPONDER -> {
				Map<String, Map<String, Long>> counts = this.queries.twoWay(scope, referrals, "p.referring_agency",
						QueryExpressions.OUTCOME);
				yield twoWay("firstResponder", withOthers(agencies, counts), "outcome",
						List.of("Identified", "Presumed", "NotIdentified", "NoDecision"), counts);
			}
			case DECISIONS_WITHIN_DEADLINE -> twoWay("decision", List.of("Preliminary", "Formal"),
					"deadline", List.of("InTime", "Late"), this.queries.decisionsInTime(scope));
			case SERVICES_DELIVERED -> oneWay("service", names(ServiceType.values()),
					this.queries.answers(scope, referrals, "Service"));
			case CASES_BY_STATUS -> twoWay("caseStatus", names(CaseStatus.values()),
					"personStatus", names(PersonStatus.values()),
					this.queries.twoWay(scope, referrals, "p.case_status", "p.person_status"));
			case ESCALATIONS_BY_QUARTER -> twoWay("quarter", quarters, "deadlines",
					List.of("Escalated", "NotEscalated"),
					this.queries.twoWay(scope, referrals, QueryExpressions.QUARTER, QueryExpressions.ESCALATED));
		};
	}

	private static CountTable oneWay(String dimension, List<String> categories,
			Map<String, Long> counts) {
		long[] values = categories.stream().mapToLong(category -> counts.getOrDefault(category, 0L)).toArray();
		return CountTable.oneWay(dimension, categories, values);
	}

	private static CountTable twoWay(String rowDimension, List<String> rows,
			String columnDimension, List<String> columns, Map<String, Map<String, Long>> counts) {
		long[][] values = new long[rows.size()][columns.size()];
		for (int row = 0; row < rows.size(); row++) {
			Map<String, Long> byColumn = counts.getOrDefault(rows.get(row), Map.of());
			for (int column = 0; column < columns.size(); column++) {
				values[row][column] = byColumn.getOrDefault(columns.get(column), 0L);
			}
		}
		return CountTable.twoWay(rowDimension, rows, columnDimension, columns, values);
	}

	/**
	 * The days to each decision, released only where they stand for at least threshold persons, and the share taken
	 * in time (from the counts of the decisions table), released only where those in time, those late and all are
	 * each at least the threshold.
	 */
	private List<StatisticsTable.Summary> daysToDecisions(Scope scope, CountTable inTime) {
		List<StatisticsTable.Summary> summaries = new ArrayList<>();
		for (String decision : List.of("Preliminary", "Formal")) {
			DaysSummary days = this.queries.daysToDecision(scope, decision);
			int row = inTime.rows().indexOf(decision);
			long timely = inTime.count(row, inTime.columns().indexOf("InTime"));
			long late = inTime.count(row, inTime.columns().indexOf("Late"));
			java.util.OptionalDouble share = CellSuppression.protectShare(timely, timely + late, this.policy);
			Double inTimeShare = share.isPresent() ? Math.round(share.getAsDouble() * 1000) / 1000.0 : null;
			summaries.add(CellSuppression.protectSummary(days.persons(), days, this.policy)
				.map(released -> new StatisticsTable.Summary(decision, released.persons(), round(released.medianDays()),
						round(released.meanDays()), "days", inTimeShare, null))
				.orElseGet(() -> new StatisticsTable.Summary(decision, null, null, null, "days", inTimeShare,
						StatisticsTable.CONFIDENTIAL)));
		}
		return summaries;
	}

	private static Double round(Double value) {
		return value == null ? null : Math.round(value * 10) / 10.0;
	}

	private static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}

	/** Categories seen in the data, sorted, with {@code Unknown} last. */
	private static List<String> withUnknownLast(java.util.Collection<String> seen) {
		List<String> sorted = new ArrayList<>(new TreeSet<>(seen));
		sorted.remove(Classification.UNKNOWN);
		sorted.add(Classification.UNKNOWN);
		return sorted;
	}

	/** The agencies, then any other group that registered cases (an agency that has since been renamed). */
	private static List<String> withOthers(List<String> agencies, Map<String, ?> seen) {
		List<String> all = new ArrayList<>(agencies);
		new TreeSet<>(seen.keySet()).stream().filter(group -> !all.contains(group)).forEach(all::add);
		return all;
	}
}
