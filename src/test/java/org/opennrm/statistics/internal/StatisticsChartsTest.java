package org.opennrm.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opennrm.statistics.internal.StatisticsCharts.Bar;
import org.opennrm.statistics.internal.StatisticsCharts.Chart;
import org.opennrm.statistics.internal.StatisticsTable.Row;
import org.opennrm.statistics.internal.StatisticsTable.Summary;
import org.opennrm.statistics.internal.StatisticsTable.Value;

/** The page's charts show what a released table says and nothing else; a withheld figure is never drawn as zero. */
class StatisticsChartsTest {

	@Test
	void a_withheld_count_is_a_hatched_bar_labelled_c_over_the_whole_plot_never_a_bar_of_zero() {
		Chart chart = StatisticsCharts.trend(quarters());

		Bar withheld = bar(chart, "2026-Q2", "Identified");
		assertThat(withheld.withheld()).isTrue();
		assertThat(withheld.text()).isEqualTo("c");
		assertThat(withheld.height()).isEqualTo(StatisticsCharts.PLOT_BOTTOM - StatisticsCharts.PLOT_TOP);
		assertThat(chart.bars()).filteredOn(bar -> !bar.withheld()).allSatisfy(bar -> {
			assertThat(bar.height()).isPositive();
			assertThat(Long.parseLong(bar.text())).isGreaterThanOrEqualTo(10);
		});
		assertThat(chart.anyWithheld()).isTrue();
		assertThat(chart.description()).contains("2026-Q2: Presumed 25, Identified withheld (c).")
			.contains("they are not zero");
	}

	@Test
	void bars_grow_with_their_counts_on_an_axis_of_round_numbers() {
		Chart chart = StatisticsCharts.trend(quarters());

		assertThat(bar(chart, "2026-Q1", "Presumed").height()).isGreaterThan(bar(chart, "2026-Q2", "Presumed").height());
		assertThat(chart.ticks()).extracting(StatisticsCharts.Tick::label).containsExactly("0", "10", "20", "30", "40");
		assertThat(chart.legend()).extracting(StatisticsCharts.Series::label).containsExactly("Presumed", "Identified");
	}

	@Test
	void forms_of_exploitation_are_the_column_totals_and_decision_days_the_released_medians() {
		StatisticsTable exploitation = new StatisticsTable("registered-victims-by-sex-and-exploitation", "t", "d",
				"2026-Q1..2026-Q4", "coe", 10, "sex", "exploitation", List.of("Sexual", "SexAndLabour"),
				List.of(new Row("Female", List.of(Value.of(30), Value.suppressed()), Value.of(34))),
				new Row("Total", List.of(Value.of(30), Value.suppressed()), Value.of(34)), null);
		StatisticsTable decisions = new StatisticsTable("decisions-within-deadline", "t", "d", "2026-Q1..2026-Q4", "coe",
				10, "decision", "deadline", List.of("InTime", "Late"),
				List.of(new Row("Preliminary", List.of(Value.of(20), Value.of(12)), Value.of(32))),
				new Row("Total", List.of(Value.of(20), Value.of(12)), Value.of(32)),
				List.of(new Summary("Preliminary", 32L, 12.5, 14.0, "days", 0.75, null),
						new Summary("Formal", null, null, null, "days", null, "c")));

		assertThat(StatisticsCharts.exploitation(exploitation).bars()).extracting(Bar::category, Bar::text)
			.containsExactly(tuple("Sexual", "30"),
					tuple("Sex and labour", "c"));
		assertThat(StatisticsCharts.decisionDays(decisions).bars()).extracting(Bar::text).containsExactly("12.5", "c");
		assertThat(StatisticsCharts.deadlines(decisions).bars()).extracting(Bar::series)
			.containsExactly("In time", "Late");
	}

	@Test
	void codes_read_as_words() {
		assertThat(StatisticsCharts.label("SexAndLabour")).isEqualTo("Sex and labour");
		assertThat(StatisticsCharts.label("NonEU")).isEqualTo("Non EU");
		assertThat(StatisticsCharts.label("police")).isEqualTo("Police");
		assertThat(StatisticsCharts.label("ngo")).isEqualTo("Shelter and support NGOs");
		assertThat(StatisticsCharts.label("2026-Q1")).isEqualTo("2026-Q1");
		assertThat(StatisticsCharts.label("MinorAgeUnknown")).isEqualTo("Minor age unknown");
	}

	private static StatisticsTable quarters() {
		return new StatisticsTable("registered-victims-by-quarter", "Registered victims by quarter of registration",
				"d", "2026-Q1..2026-Q4", "coe", 10, "quarter", "status", List.of("Presumed", "Identified"),
				List.of(new Row("2026-Q1", List.of(Value.of(38), Value.of(12)), Value.of(50)),
						new Row("2026-Q2", List.of(Value.of(25), Value.suppressed()), Value.suppressed()),
						new Row("2026-Q3", List.of(Value.of(10), Value.suppressed()), Value.suppressed())),
				new Row("Total", List.of(Value.of(73), Value.of(16)), Value.of(89)), null);
	}

	private static Bar bar(Chart chart, String category, String series) {
		return chart.bars()
			.stream()
			.filter(bar -> bar.category().equals(category) && bar.series().equals(series))
			.findFirst()
			.orElseThrow();
	}
}
