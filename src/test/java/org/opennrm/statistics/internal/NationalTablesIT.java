package org.opennrm.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.statistics.Period;
import org.opennrm.statistics.disclosure.Cell;
import org.opennrm.statistics.disclosure.CountTable;
import org.opennrm.statistics.disclosure.ProtectedTable;
import org.opennrm.statistics.internal.StatisticsQueries.Scope;
import org.opennrm.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The national tables on fixed synthetic populations, on the real database: every indicator's counts against the same
 * counts worked out independently from the population in Java; every release against its golden file; and an attacker
 * who has every table, the Eurostat release and the regional template of a year at once, and still cannot work out a
 * single withheld count.
 */
@IntegrationTest
class NationalTablesIT {

	/** A year and jurisdiction nothing else in the tests writes to. */
	static final int YEAR = 2019;

	static final int SMALL_YEAR = 2018;

	static final String JURISDICTION = "mk";

	static final List<PersonRecord> POPULATION = new SyntheticPopulation(42).persons(700, YEAR, JURISDICTION, "MK");

	/** Few persons: most cells small, heavy suppression. */
	static final List<PersonRecord> SMALL_POPULATION = new SyntheticPopulation(7).persons(90, SMALL_YEAR, JURISDICTION,
			"MK");

	@Autowired
	NationalTables tables;

	@Autowired
	EurostatTables eurostat;

	@Autowired
	CtdcRecords ctdc;

	@Autowired
	StatisticsLedger ledger;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void populations() {
		if (this.jdbc.sql("select count(*) from nrm_statistics_person where registered_year in (2018, 2019)")
			.query(Long.class)
			.single() == 0) {
			this.ledger.addUnlinked(POPULATION);
			this.ledger.addUnlinked(SMALL_POPULATION);
		}
	}

	@Test
	void every_indicator_counts_what_an_independent_count_of_the_population_gives() {
		Map<Indicator, CountTable> counted = this.tables.released(scope(YEAR)).counts();

		Map<Indicator, Map<List<String>, Long>> expected = expected(POPULATION);
		for (Indicator indicator : Indicator.values()) {
			assertThat(cells(counted.get(indicator))).as(indicator.id()).isEqualTo(expected.get(indicator));
		}
	}

	@Test
	void released_tables_match_their_golden_files() throws IOException {
		ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
		for (int year : List.of(YEAR, SMALL_YEAR)) {
			String released = json.writeValueAsString(this.tables.all(Period.year(year), JURISDICTION)) + "\n";
			Path golden = Path.of("src/test/resources/statistics/national-" + JURISDICTION + "-" + year + ".json");
			if (Boolean.getBoolean("golden.update")) {
				Files.writeString(golden, released);
			}
			assertThat(released).as("%s (rerun with -Dgolden.update=true after a reviewed change)", golden)
				.isEqualTo(Files.readString(golden));
		}
	}

	@Test
	void released_cells_are_the_true_counts_and_none_is_below_the_threshold() {
		for (int year : List.of(YEAR, SMALL_YEAR)) {
			NationalTables.Released released = this.tables.released(scope(year));
			released.tables().forEach((indicator, table) -> {
				Map<List<String>, Long> truth = cells(released.counts().get(indicator));
				Map<List<String>, Cell> shown = cells(table);
				assertThat(shown.keySet()).isEqualTo(truth.keySet());
				shown.forEach((position, cell) -> {
					if (cell.released()) {
						assertThat(cell.value()).as("%s %s", indicator, position).isEqualTo(truth.get(position))
							.isGreaterThanOrEqualTo(10);
					}
				});
			});
		}
	}

	@Test
	void nobody_holding_every_release_of_a_year_can_work_out_a_withheld_count() {
		for (int year : List.of(YEAR, SMALL_YEAR)) {
			Scope scope = scope(year);
			NationalTables.Released released = this.tables.released(scope);
			JointAttacker attacker = new JointAttacker();
			released.tables().forEach((indicator, table) -> attacker.learn(indicator.name(), table,
					keys(indicator, released.counts().get(indicator))));
			NationalTables.sums(released.counts(), "MK").forEach(sum -> attacker.learnSum(sum.sum(), sum.parts()));
			attacker.learnEurostat(this.eurostat.release(scope));
			long withheld = attacker.unknowns();

			assertThat(withheld).as("the small year withholds cells").isPositive();
			assertThat(attacker.recovered()).as("withheld counts recovered in %d", year).isEmpty();
		}
	}

	@Test
	void the_ctdc_record_export_is_k_anonymous_and_speaks_ctdc_only() {
		for (int year : List.of(YEAR, SMALL_YEAR)) {
			CtdcRecords.Release release = this.ctdc.release(scope(year));
			List<String> quasiIdentifiers = List.of("gender", "ageBroad", "majorityStatus", "citizenship",
					"isForcedLabour", "isSexualExploit", "isOtherExploit", "isSexAndLabour", "yearOfRegistration");

			assertThat(release.k()).isEqualTo(11);
			assertThat(release.records().size() + release.suppressedRecords())
				.isEqualTo((year == YEAR ? POPULATION : SMALL_POPULATION).stream()
					.filter(PersonRecord::registeredVictim)
					.count());
			Map<List<Object>, Long> classes = release.records()
				.stream()
				.collect(Collectors.groupingBy(
						record -> quasiIdentifiers.stream().map(record::get).collect(Collectors.toList()),
						Collectors.counting()));
			assertThat(classes.values()).as("every record has at least k-1 look-alikes in %d", year)
				.allSatisfy(size -> assertThat(size).isGreaterThanOrEqualTo(11));
			assertThat(release.records()).allSatisfy(record -> {
				assertThat(record.keySet()).containsExactlyElementsOf(CtdcRecords.CSV_HEADER);
				assertThat(record.get("Datasource")).isEqualTo("Case Management");
			});
			assertThat(CtdcRecords.CSV_HEADER).as("CTDC field names").allMatch(field -> field.matches(
					"yearOfRegistration|Datasource|gender|ageBroad|majorityStatus|citizenship|is[A-Za-z]+"
							+ "|meansOfControl[A-Za-z]+|typeOfLabour[A-Za-z]+|typeOfSex[A-Za-z]+"));
		}
	}

	private static Scope scope(int year) {
		return new Scope(Period.year(year), JURISDICTION);
	}

	/** The key of every cell of a national table, as {@link LinkedProtection} names them. */
	private static Function<List<String>, String> keys(Indicator indicator, CountTable counts) {
		LinkedProtection.Table table = new LinkedProtection.Table(indicator.name(), counts,
				NationalTablesITSupport.population(indicator));
		return position -> NationalTablesITSupport.key(table, position);
	}

	static Map<List<String>, Long> cells(CountTable table) {
		Map<List<String>, Long> cells = new TreeMap<>(NationalTablesITSupport.POSITIONS);
		if (!table.isTwoWay()) {
			for (int row = 0; row < table.rows().size(); row++) {
				cells.put(List.of(table.rows().get(row)), table.count(row));
			}
			cells.put(List.of("Total"), table.total());
			return cells;
		}
		for (int row = 0; row < table.rows().size(); row++) {
			for (int column = 0; column < table.columns().size(); column++) {
				cells.put(List.of(table.rows().get(row), table.columns().get(column)), table.count(row, column));
			}
			cells.put(List.of(table.rows().get(row), "Total"), table.rowTotal(row));
		}
		for (int column = 0; column < table.columns().size(); column++) {
			cells.put(List.of("Total", table.columns().get(column)), table.columnTotal(column));
		}
		cells.put(List.of("Total", "Total"), table.total());
		return cells;
	}

	static Map<List<String>, Cell> cells(ProtectedTable table) {
		Map<List<String>, Cell> cells = new TreeMap<>(NationalTablesITSupport.POSITIONS);
		if (!table.isTwoWay()) {
			for (int row = 0; row < table.rows().size(); row++) {
				cells.put(List.of(table.rows().get(row)), table.cell(row));
			}
			cells.put(List.of("Total"), table.total());
			return cells;
		}
		for (int row = 0; row < table.rows().size(); row++) {
			for (int column = 0; column < table.columns().size(); column++) {
				cells.put(List.of(table.rows().get(row), table.columns().get(column)), table.cell(row, column));
			}
			cells.put(List.of(table.rows().get(row), "Total"), table.rowTotal(row));
		}
		for (int column = 0; column < table.columns().size(); column++) {
			cells.put(List.of("Total", table.columns().get(column)), table.columnTotal(column));
		}
		cells.put(List.of("Total", "Total"), table.total());
		return cells;
	}

	/**
	 * What each table should count, worked out from the population with streams (not with the SQL or the table
	 * building under test). Every category of a table appears, with 0 where nobody falls into it.
	 */
	static Map<Indicator, Map<List<String>, Long>> expected(List<PersonRecord> persons) {
		Predicate<PersonRecord> victim = PersonRecord::registeredVictim;
		List<String> quarters = List.of(YEAR + "-Q1", YEAR + "-Q2", YEAR + "-Q3", YEAR + "-Q4");
		List<String> agencies = List.of("health", "ngo", "police", "social");
		Map<Indicator, Map<List<String>, Long>> expected = new HashMap<>();
		Function<PersonRecord, String> sex = person -> person.sex().equals("Female") || person.sex().equals("Male")
				? person.sex() : "OtherOrUnknown";
		expected.put(Indicator.VICTIMS_BY_SEX_AND_AGE, twoWay(persons, victim, sex,
				Classification.SEXES, PersonRecord::majority, Classification.MAJORITY));
		expected.put(Indicator.VICTIMS_BY_AGE_BAND, oneWay(persons, victim, PersonRecord::ageBand,
				Classification.AGE_BANDS));
		expected.put(Indicator.VICTIMS_BY_SEX_AND_CITIZENSHIP, twoWay(persons, victim, sex,
				Classification.SEXES, PersonRecord::citizenshipGroup, Classification.CITIZENSHIP_GROUPS));
		List<String> countries = persons.stream()
			.filter(victim)
			.map(person -> person.citizenship() == null ? "Unknown" : person.citizenship())
			.distinct()
			.sorted((a, b) -> a.equals("Unknown") ? 1 : b.equals("Unknown") ? -1 : a.compareTo(b))
			.toList();
		expected.put(Indicator.VICTIMS_BY_CITIZENSHIP, oneWay(persons, victim,
				person -> person.citizenship() == null ? "Unknown" : person.citizenship(), countries));
		expected.put(Indicator.VICTIMS_BY_SEX_AND_EXPLOITATION, twoWay(persons, victim, sex,
				Classification.SEXES,
				person -> person.exploitation().equals("SexAndLabour") ? "Other" : person.exploitation(),
				Classification.EXPLOITATION));
		expected.put(Indicator.VICTIMS_BY_MEANS_OF_CONTROL, answers(persons, victim, PersonRecord::meansOfControl,
				CtdcRecords.MEANS_OF_CONTROL));
		expected.put(Indicator.VICTIMS_BY_REFERRING_AGENCY, oneWay(persons, victim, PersonRecord::referringAgency,
				agencies));
		expected.put(Indicator.VICTIMS_BY_QUARTER, twoWay(persons, victim,
				person -> person.registeredYear() + "-Q" + person.registeredQuarter(), quarters,
				person -> person.identified() ? "Identified" : "Presumed", List.of("Presumed", "Identified")));
		expected.put(Indicator.REFERRALS_BY_FIRST_RESPONDER, twoWay(persons, person -> true,
				PersonRecord::referringAgency, agencies,
				person -> person.identified() ? "Identified" : person.registeredVictim() ? "Presumed"
						: person.personStatus().equals("NotIdentified") ? "NotIdentified" : "NoDecision",
				List.of("Identified", "Presumed", "NotIdentified", "NoDecision")));
		Map<List<String>, Long> decisions = new TreeMap<>(NationalTablesITSupport.POSITIONS);
		decisions.putAll(twoWay(persons.stream().filter(person -> person.preliminaryInTime() != null).toList(),
				person -> true, person -> "Preliminary", List.of("Preliminary", "Formal"),
				person -> person.preliminaryInTime() ? "InTime" : "Late", List.of("InTime", "Late")));
		Map<List<String>, Long> formal = twoWay(persons.stream().filter(person -> person.formalInTime() != null).toList(),
				person -> true, person -> "Formal", List.of("Preliminary", "Formal"),
				person -> person.formalInTime() ? "InTime" : "Late", List.of("InTime", "Late"));
		formal.forEach((position, count) -> decisions.merge(position, count, Long::sum));
		expected.put(Indicator.DECISIONS_WITHIN_DEADLINE, decisions);
		expected.put(Indicator.SERVICES_DELIVERED, answers(persons, person -> true, PersonRecord::services,
				List.of("Shelter", "MedicalCare", "PsychoSocialSupport", "LegalAid", "Interpretation",
						"EducationOrEmployment", "FamilyContact")));
		expected.put(Indicator.CASES_BY_STATUS, twoWay(persons, person -> true, PersonRecord::caseStatus,
				List.of("Active", "FollowUp", "Closed", "ClosedReferred"), PersonRecord::personStatus,
				List.of("AtRisk", "Presumed", "Identified", "NotIdentified", "Withdrawn", "LostContact")));
		expected.put(Indicator.ESCALATIONS_BY_QUARTER, twoWay(persons, person -> true,
				person -> person.registeredYear() + "-Q" + person.registeredQuarter(), quarters,
				person -> person.escalations() > 0 ? "Escalated" : "NotEscalated",
				List.of("Escalated", "NotEscalated")));
		return expected;
	}

	private static Map<List<String>, Long> oneWay(List<PersonRecord> persons, Predicate<PersonRecord> counted,
			Function<PersonRecord, String> category, List<String> categories) {
		Map<List<String>, Long> cells = new TreeMap<>(NationalTablesITSupport.POSITIONS);
		categories.forEach(value -> cells.put(List.of(value),
				persons.stream().filter(counted).filter(person -> category.apply(person).equals(value)).count()));
		cells.put(List.of("Total"), cells.values().stream().mapToLong(Long::longValue).sum());
		return cells;
	}

	private static Map<List<String>, Long> answers(List<PersonRecord> persons, Predicate<PersonRecord> counted,
			Function<PersonRecord, Set<String>> answers, List<String> categories) {
		Map<List<String>, Long> cells = new TreeMap<>(NationalTablesITSupport.POSITIONS);
		categories.forEach(value -> cells.put(List.of(value),
				persons.stream().filter(counted).filter(person -> answers.apply(person).contains(value)).count()));
		cells.put(List.of("Total"), cells.values().stream().mapToLong(Long::longValue).sum());
		return cells;
	}

	private static Map<List<String>, Long> twoWay(List<PersonRecord> persons, Predicate<PersonRecord> counted,
			Function<PersonRecord, String> row, List<String> rows, Function<PersonRecord, String> column,
			List<String> columns) {
		Map<List<String>, Long> cells = new TreeMap<>(NationalTablesITSupport.POSITIONS);
		Map<List<String>, Long> counts = persons.stream()
			.filter(counted)
			.collect(Collectors.groupingBy(person -> List.of(row.apply(person), column.apply(person)),
					Collectors.counting()));
		for (String r : rows) {
			for (String c : columns) {
				cells.put(List.of(r, c), counts.getOrDefault(List.of(r, c), 0L));
			}
			cells.put(List.of(r, "Total"), columns.stream().mapToLong(c -> cells.get(List.of(r, c))).sum());
		}
		for (String c : columns) {
			cells.put(List.of("Total", c), rows.stream().mapToLong(r -> cells.get(List.of(r, c))).sum());
		}
		cells.put(List.of("Total", "Total"), rows.stream().mapToLong(r -> cells.get(List.of(r, "Total"))).sum());
		return cells;
	}

}
