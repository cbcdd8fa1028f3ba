package org.opennrm.statistics.internal;

import java.util.ArrayList;
import java.util.List;

import org.opennrm.deadlines.Jurisdictions;
import org.opennrm.statistics.internal.StatisticsQueries.Scope;
import org.springframework.stereotype.Component;

/**
 * The regional exchange template: the aggregates a country shares with its neighbours (in the Western Balkans through
 * MARRI's WB-MIDEX platform, in templates aligned with EU Regulation 862/2007), one line per cell. It is made of the
 * national tables exactly as released (no new cell is computed), so it gives away nothing the national tables
 * withhold. The template's field names are VERIFY: no public copy of the THB module's template was found.
 */
@Component
class RegionalTemplate {

	/** The national tables the template carries. */
	static final List<Indicator> INDICATORS = List.of(Indicator.VICTIMS_BY_SEX_AND_AGE,
			Indicator.VICTIMS_BY_SEX_AND_CITIZENSHIP, Indicator.VICTIMS_BY_SEX_AND_EXPLOITATION,
			Indicator.VICTIMS_BY_CITIZENSHIP, Indicator.REFERRALS_BY_FIRST_RESPONDER,
			Indicator.DECISIONS_WITHIN_DEADLINE, Indicator.SERVICES_DELIVERED);

	static final List<String> CSV_HEADER = List.of("reportingCountry", "referenceYear", "indicator", "breakdown1",
			"category1", "breakdown2", "category2", "value", "flag");

	private final NationalTables national;

	private final Jurisdictions jurisdictions;

	RegionalTemplate(NationalTables national, Jurisdictions jurisdictions) {
		this.national = national;
		this.jurisdictions = jurisdictions;
	}

	/**
	 * The release.
	 *
	 * @param reportingCountry ISO code of the country (or the jurisdiction id in capitals for a profile without one)
	 * @param referenceYear the year
	 * @param threshold counts below it are withheld
	 * @param lines one per cell, totals included
	 */
	record Release(String reportingCountry, int referenceYear, int threshold, List<Line> lines) {
	}

	/**
	 * One cell of a national table.
	 *
	 * @param indicator the table id
	 * @param breakdown1 the row dimension
	 * @param category1 the row category or {@code Total}
	 * @param breakdown2 the column dimension, {@code null} for a one-way table
	 * @param category2 the column category or {@code Total}
	 * @param value the count, {@code null} when withheld
	 * @param flag {@code c} when withheld
	 */
	@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
	record Line(String indicator, String breakdown1, String category1, String breakdown2, String category2, Long value,
			String flag) {
	}

	Release release(Scope scope) {
		String country = this.jurisdictions.profile(scope.jurisdiction()).country();
		List<Line> lines = new ArrayList<>();
		List<StatisticsTable> tables = this.national.all(scope.period(), scope.jurisdiction());
		for (Indicator indicator : INDICATORS) {
			StatisticsTable table = tables.get(indicator.ordinal());
			for (StatisticsTable.CellLine cell : table.cellLines()) {
				lines.add(new Line(table.id(), table.rowDimension(), cell.row(), table.columnDimension(), cell.column(),
						cell.value().value(), cell.value().flag()));
			}
		}
		return new Release(country == null ? scope.jurisdiction().toUpperCase(java.util.Locale.ROOT) : country,
				scope.period().from().year(), this.national.threshold(), lines);
	}

	static List<List<String>> csv(Release release) {
		return release.lines()
			.stream()
			.map(line -> List.of(release.reportingCountry(), String.valueOf(release.referenceYear()), line.indicator(),
					line.breakdown1(), line.category1(), line.breakdown2() == null ? "" : line.breakdown2(),
					line.category2(), line.value() == null ? "" : line.value().toString(),
					line.flag() == null ? "" : line.flag()))
			.toList();
	}
}
