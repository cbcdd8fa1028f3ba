package org.opennrm.statistics.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.opennrm.deadlines.Jurisdictions;
import org.opennrm.statistics.disclosure.Cell;
import org.opennrm.statistics.disclosure.CellSuppression;
import org.opennrm.statistics.disclosure.CountTable;
import org.opennrm.statistics.disclosure.ProtectedTable;
import org.opennrm.statistics.disclosure.SuppressionPolicy;
import org.opennrm.statistics.disclosure.Withheld;
import org.opennrm.statistics.internal.StatisticsQueries.Scope;
import org.springframework.stereotype.Component;

/**
 * Registered victims shaped like Eurostat's trafficking tables ({@code crim_thb}): by sex and age, by sex and
 * citizenship, by sex and form of exploitation, with Eurostat's codes (sex {@code F M UNK T}, age {@code Y_LT18
 * Y_GE18 UNK TOTAL}, citizenship {@code NAT EU27_2020_FOR NEU27_2020_FOR UNK TOTAL}, exploitation {@code SEX_EXP
 * LAB_EXP OTH UNK TOTAL}; dataset and code names VERIFY against the current Eurostat questionnaire).
 * <p>
 * Each is a regrouping of a national table over the same persons, so it is protected linked to it: a cell is withheld
 * if any national cell it adds up is withheld, and then protected on its own; a released Eurostat figure is therefore
 * always a sum of released national figures, and the two releases together give away nothing either withholds.
 */
@Component
class EurostatTables {

	private static final Map<String, List<String>> SEX = groups("F", List.of("Female"), "M", List.of("Male"), "UNK",
			List.of("TransgenderNonConforming", Classification.UNKNOWN));

	private final NationalTables national;

	private final Jurisdictions jurisdictions;

	private final SuppressionPolicy policy;

	EurostatTables(NationalTables national, Jurisdictions jurisdictions, StatisticsProperties properties) {
		this.national = national;
		this.jurisdictions = jurisdictions;
		this.policy = new SuppressionPolicy(properties.threshold());
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
		NationalTables.Released national = this.national.released(scope);
		List<Observation> observations = new ArrayList<>();
		observations.addAll(regrouped(national, Indicator.VICTIMS_BY_SEX_AND_AGE, "crim_thb_vage",
				groups("Y_LT18", List.of("Minor"), "Y_GE18", List.of("Adult"), "UNK", List.of(Classification.UNKNOWN)),
				Dimension.AGE));
		observations.addAll(regrouped(national, Indicator.VICTIMS_BY_SEX_AND_CITIZENSHIP, "crim_thb_vctz",
				groups("NAT", List.of("Own"), "EU27_2020_FOR", List.of("EU"), "NEU27_2020_FOR", List.of("NonEU"), "UNK",
						List.of(Classification.UNKNOWN)),
				Dimension.CITIZEN));
		observations.addAll(regrouped(national, Indicator.VICTIMS_BY_SEX_AND_EXPLOITATION, "crim_thb_vexp",
				groups("SEX_EXP", List.of("Sexual"), "LAB_EXP", List.of("Labour"), "OTH",
						List.of("SexAndLabour", "Other"), "UNK", List.of(Classification.UNKNOWN)),
				Dimension.EXPLOITATION));
		return new Release(geo, scope.period().from().year(), this.policy.threshold(), observations);
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

	private enum Dimension {
		AGE, CITIZEN, EXPLOITATION
	}

	/** A national sex-by-something table regrouped to Eurostat's codes and protected linked to it. */
	private List<Observation> regrouped(NationalTables.Released national, Indicator indicator, String dataflow,
			Map<String, List<String>> columnGroups, Dimension dimension) {
		CountTable fine = national.counts().get(indicator);
		ProtectedTable fineReleased = national.tables().get(indicator);
		List<String> rowLabels = List.copyOf(SEX.keySet());
		List<String> columnLabels = List.copyOf(columnGroups.keySet());
		long[][] counts = new long[rowLabels.size()][columnLabels.size()];
		boolean[][] withheld = new boolean[rowLabels.size()][columnLabels.size()];
		boolean[] rowWithheld = new boolean[rowLabels.size()];
		boolean[] columnWithheld = new boolean[columnLabels.size()];
		for (int row = 0; row < rowLabels.size(); row++) {
			List<Integer> fineRows = indexes(fine.rows(), SEX.get(rowLabels.get(row)));
			for (int column = 0; column < columnLabels.size(); column++) {
				List<Integer> fineColumns = indexes(fine.columns(), columnGroups.get(columnLabels.get(column)));
				for (int fineRow : fineRows) {
					for (int fineColumn : fineColumns) {
						counts[row][column] += fine.count(fineRow, fineColumn);
						withheld[row][column] |= !fineReleased.cell(fineRow, fineColumn).released();
					}
				}
			}
			for (int fineRow : fineRows) {
				rowWithheld[row] |= !fineReleased.rowTotal(fineRow).released();
			}
		}
		for (int column = 0; column < columnLabels.size(); column++) {
			for (int fineColumn : indexes(fine.columns(), columnGroups.get(columnLabels.get(column)))) {
				columnWithheld[column] |= !fineReleased.columnTotal(fineColumn).released();
			}
		}
		ProtectedTable released = CellSuppression.protect(
				CountTable.twoWay("sex", rowLabels, dimension.name().toLowerCase(java.util.Locale.ROOT), columnLabels,
						counts),
				this.policy, Withheld.of(withheld, rowWithheld, columnWithheld, !fineReleased.total().released()));
		List<Observation> observations = new ArrayList<>();
		for (int row = 0; row <= rowLabels.size(); row++) {
			String sex = row == rowLabels.size() ? "T" : rowLabels.get(row);
			for (int column = 0; column <= columnLabels.size(); column++) {
				String code = column == columnLabels.size() ? "TOTAL" : columnLabels.get(column);
				Cell cell = row < rowLabels.size() && column < columnLabels.size() ? released.cell(row, column)
						: row < rowLabels.size() ? released.rowTotal(row)
								: column < columnLabels.size() ? released.columnTotal(column) : released.total();
				observations.add(new Observation(dataflow, sex, dimension == Dimension.AGE ? code : null,
						dimension == Dimension.CITIZEN ? code : null, dimension == Dimension.EXPLOITATION ? code : null,
						cell.released() ? cell.value() : null, cell.released() ? null : StatisticsTable.CONFIDENTIAL));
			}
		}
		return observations;
	}

	private static List<Integer> indexes(List<String> labels, List<String> members) {
		List<Integer> found = new ArrayList<>();
		for (String member : members) {
			int index = labels.indexOf(member);
			if (index < 0) {
				throw new IllegalStateException("No category " + member + " in " + labels);
			}
			found.add(index);
		}
		return found;
	}

	private static String blank(String value) {
		return value == null ? "" : value;
	}

	private static Map<String, List<String>> groups(Object... labelsAndMembers) {
		Map<String, List<String>> groups = new LinkedHashMap<>();
		for (int i = 0; i < labelsAndMembers.length; i += 2) {
			@SuppressWarnings("unchecked")
			List<String> members = (List<String>) labelsAndMembers[i + 1];
			groups.put((String) labelsAndMembers[i], members);
		}
		return groups;
	}
}
