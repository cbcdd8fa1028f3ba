package org.opennrm.statistics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.opennrm.deadlines.Jurisdictions;
import org.opennrm.statistics.disclosure.Cell;
import org.opennrm.statistics.disclosure.ProtectedTable;
import org.opennrm.statistics.internal.StatisticsQueries.Scope;
import org.springframework.stereotype.Component;

/**
 * Registered victims shaped like Eurostat's trafficking tables ({@code crim_thb}): by sex and age, by sex and
 * citizenship, by sex and form of exploitation, with Eurostat's codes (sex {@code F M UNK T}, age {@code Y_LT18
 * Y_GE18 UNK TOTAL}, citizenship {@code NAT EU27_2020_FOR NEU27_2020_FOR UNK TOTAL}, exploitation {@code SEX_EXP
 * LAB_EXP OTH UNK TOTAL}; dataset and code names VERIFY against the current Eurostat questionnaire).
 * <p>
 * The national tables break down by Eurostat's own categories, so this release is three of them recoded, cell for
 * cell, withheld where they withhold: it can give away nothing the national tables do not.
 */
@Component
class EurostatTables {

	private static final Map<String, String> SEX = Map.of("Female", "F", "Male", "M", "OtherOrUnknown", "UNK");

	private static final Map<String, String> AGE = Map.of("Minor", "Y_LT18", "Adult", "Y_GE18",
			Classification.UNKNOWN, "UNK");

	private static final Map<String, String> CITIZEN = Map.of("Own", "NAT", "EU", "EU27_2020_FOR", "NonEU",
			"NEU27_2020_FOR", Classification.UNKNOWN, "UNK");

	private static final Map<String, String> EXPLOITATION = Map.of("Sexual", "SEX_EXP", "Labour", "LAB_EXP", "Other",
			"OTH", Classification.UNKNOWN, "UNK");

	private final NationalTables national;

	private final Jurisdictions jurisdictions;

	EurostatTables(NationalTables national, Jurisdictions jurisdictions) {
		this.national = national;
		this.jurisdictions = jurisdictions;
	}

	/**
	 * The release: one observation per cell, totals included, SDMX-CSV style.
	 *
	 * @param geo the reporting country (ISO code, or the jurisdiction id in capitals for a profile without one)
	 * @param year the reference year
	 * @param threshold counts below it are withheld
	 * @param observations every cell of the three tables
	 */
	record Release(String geo, int year, int threshold, List<Observation> observations) {
	}

	/**
	 * One cell.
	 *
	 * @param dataflow the Eurostat table
	 * @param sex sex code
	 * @param age age code, or {@code null} where the table has no age
	 * @param citizen citizenship code, or {@code null}
	 * @param exploitation form of exploitation code, or {@code null}
	 * @param value the count, {@code null} when withheld
	 * @param flag {@code c} (confidential) when withheld
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record Observation(String dataflow, String sex, String age, String citizen, String exploitation, Long value,
			String flag) {
	}

	static final List<String> CSV_HEADER = List.of("DATAFLOW", "freq", "unit", "leg_stat", "sex", "age", "citizen",
			"exploitation", "geo", "TIME_PERIOD", "OBS_VALUE", "OBS_FLAG");

	Release release(Scope scope) {
		String country = this.jurisdictions.profile(scope.jurisdiction()).country();
		String geo = country == null ? scope.jurisdiction().toUpperCase(java.util.Locale.ROOT) : country;
		Map<Indicator, ProtectedTable> released = this.national.released(scope).tables();
		List<Observation> observations = new ArrayList<>();
		observations.addAll(recoded(released.get(Indicator.VICTIMS_BY_SEX_AND_AGE), "crim_thb_vage", AGE,
				(code, observation) -> new Observation(observation.dataflow(), observation.sex(), code, null, null,
						observation.value(), observation.flag())));
		observations.addAll(recoded(released.get(Indicator.VICTIMS_BY_SEX_AND_CITIZENSHIP), "crim_thb_vctz", CITIZEN,
				(code, observation) -> new Observation(observation.dataflow(), observation.sex(), null, code, null,
						observation.value(), observation.flag())));
		observations.addAll(recoded(released.get(Indicator.VICTIMS_BY_SEX_AND_EXPLOITATION), "crim_thb_vexp",
				EXPLOITATION, (code, observation) -> new Observation(observation.dataflow(), observation.sex(), null,
						null, code, observation.value(), observation.flag())));
		return new Release(geo, scope.period().from().year(), this.national.threshold(), observations);
	}

	static List<List<String>> csv(Release release) {
		return release.observations()
			.stream()
			.map(observation -> List.of(observation.dataflow(), "A", "NR", "VICT", observation.sex(),
					blank(observation.age()), blank(observation.citizen()), blank(observation.exploitation()),
					release.geo(), String.valueOf(release.year()),
					observation.value() == null ? "" : observation.value().toString(),
					observation.flag() == null ? "" : observation.flag()))
			.toList();
	}

	/** A national sex-by-something table, cell for cell, totals included, in Eurostat's codes. */
	private static List<Observation> recoded(ProtectedTable table, String dataflow, Map<String, String> columnCodes,
			java.util.function.BiFunction<String, Observation, Observation> withColumn) {
		List<Observation> observations = new ArrayList<>();
		int rows = table.rows().size();
		int columns = table.columns().size();
		for (int row = 0; row <= rows; row++) {
			String sex = row == rows ? "T" : code(SEX, table.rows().get(row));
			for (int column = 0; column <= columns; column++) {
				String code = column == columns ? "TOTAL" : code(columnCodes, table.columns().get(column));
				Cell cell = row < rows && column < columns ? table.cell(row, column)
						: row < rows ? table.rowTotal(row) : column < columns ? table.columnTotal(column) : table.total();
				observations.add(withColumn.apply(code, new Observation(dataflow, sex, null, null, null,
						cell.released() ? cell.value() : null, cell.released() ? null : StatisticsTable.CONFIDENTIAL)));
			}
		}
		return observations;
	}

	private static String code(Map<String, String> codes, String category) {
		String code = codes.get(category);
		if (code == null) {
			throw new IllegalStateException("No Eurostat code for " + category);
		}
		return code;
	}

	private static String blank(String value) {
		return value == null ? "" : value;
	}
}
