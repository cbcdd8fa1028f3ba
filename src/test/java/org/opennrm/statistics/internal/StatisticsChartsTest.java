package org.opennrm.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.opennrm.i18n.internal.CatalogueTexts;
import org.opennrm.statistics.internal.StatisticsCharts.Bar;
import org.opennrm.statistics.internal.StatisticsCharts.Chart;
import org.opennrm.statistics.internal.StatisticsTable.Row;
import org.opennrm.statistics.internal.StatisticsTable.Summary;
import org.opennrm.statistics.internal.StatisticsTable.Value;

/**
 * The page's charts show what a released table says and nothing else, in the reader's words; a withheld figure is
 * never drawn as zero.
 */
class StatisticsChartsTest {

	private static final StatisticsLabels ENGLISH = new StatisticsLabels(CatalogueTexts.read(), Locale.ENGLISH);

	private static final StatisticsLabels MACEDONIAN = new StatisticsLabels(CatalogueTexts.read(), Locale.forLanguageTag("mk"));

	@Test
	void a_withheld_count_is_a_hatched_bar_labelled_c_over_the_whole_plot_never_a_bar_of_zero() {
		Chart chart = StatisticsCharts.trend(ENGLISH.said(quarters()), ENGLISH);

		Bar withheld = bar(chart, "2026-Q2", "Identified victim");
		assertThat(withheld.withheld()).isTrue();
		assertThat(withheld.text()).isEqualTo("c");
		assertThat(withheld.height()).isEqualTo(StatisticsCharts.PLOT_BOTTOM - StatisticsCharts.PLOT_TOP);
		assertThat(chart.bars()).filteredOn(bar -> !bar.withheld()).allSatisfy(bar -> {
			assertThat(bar.height()).isPositive();
			assertThat(Long.parseLong(bar.text())).isGreaterThanOrEqualTo(10);
		});
		assertThat(chart.anyWithheld()).isTrue();
		assertThat(chart.description()).contains("2026-Q2: Presumed victim 25, Identified victim withheld (c).")
			.contains("they are not zero");
	}

	@Test
	void bars_grow_with_their_counts_on_an_axis_of_round_numbers() {
		Chart chart = StatisticsCharts.trend(ENGLISH.said(quarters()), ENGLISH);

		assertThat(bar(chart, "2026-Q1", "Presumed victim").height()).isGreaterThan(bar(chart, "2026-Q2", "Presumed victim").height());
		assertThat(chart.ticks()).extracting(StatisticsCharts.Tick::label).containsExactly("0", "10", "20", "30", "40");
		assertThat(chart.legend()).extracting(StatisticsCharts.Series::label).containsExactly("Presumed victim", "Identified victim");
	}

	@Test
	void forms_of_exploitation_are_the_column_totals_and_decision_days_the_released_medians() {
		StatisticsTable exploitation = new StatisticsTable("registered-victims-by-sex-and-exploitation", "2026-Q1..2026-Q4", "coe", 10, "sex", "exploitation", List.of("Sexual", "SexAndLabour"),
				List.of(new Row("Female", List.of(Value.of(30), Value.suppressed()), Value.of(34))),
				new Row("Total", List.of(Value.of(30), Value.suppressed()), Value.of(34)), null);
		StatisticsTable decisions = new StatisticsTable("decisions-within-deadline", "2026-Q1..2026-Q4", "coe", 10, "decision", "deadline", List.of("InTime", "Late"),
				List.of(new Row("Preliminary", List.of(Value.of(20), Value.of(12)), Value.of(32))),
				new Row("Total", List.of(Value.of(20), Value.of(12)), Value.of(32)),
				List.of(new Summary("Preliminary", 32L, 12.5, 14.0, "days", 0.75, null),
						new Summary("Formal", null, null, null, "days", null, "c")));

		assertThat(StatisticsCharts.exploitation(ENGLISH.said(exploitation), ENGLISH).bars())
			.extracting(Bar::category, Bar::text)
			.containsExactly(tuple("Sexual exploitation", "30"), tuple("Sexual and labour exploitation", "c"));
		Chart days = StatisticsCharts.decisionDays(ENGLISH.said(decisions), ENGLISH);
		assertThat(days.bars()).extracting(Bar::category, Bar::text)
			.containsExactly(tuple("Preliminary decision", "12.5"), tuple("Formal decision", "c"));
		assertThat(days.description()).contains("Preliminary decision: 12.5 days.");
		assertThat(StatisticsCharts.deadlines(ENGLISH.said(decisions), ENGLISH).bars()).extracting(Bar::series)
			.containsExactly("By the deadline", "Late");
	}

	@Test
	void codes_read_as_words_of_the_readers_language() {
		assertThat(ENGLISH.category("SexAndLabour")).isEqualTo("Sexual and labour exploitation");
		assertThat(ENGLISH.category("NonEU")).isEqualTo("Citizens of a country outside the EU");
		assertThat(ENGLISH.category("police")).isEqualTo("Police");
		assertThat(ENGLISH.category("ngo")).isEqualTo("Shelter and support NGOs");
		assertThat(ENGLISH.category("2026-Q1")).isEqualTo("2026-Q1");
		assertThat(ENGLISH.category("18-20")).isEqualTo("18-20");
		assertThat(ENGLISH.category("48+")).isEqualTo("48+");
		assertThat(ENGLISH.category("XK")).isEqualTo("Kosovo");
		assertThat(ENGLISH.category("EU")).as("a group of citizenships, not a country").isEqualTo(
				"Citizens of another EU member state");
		assertThat(ENGLISH.category("team-north")).isEqualTo("team-north");
		assertThat(ENGLISH.dimension("meansOfControl")).isEqualTo("Means of control");
		assertThat(ENGLISH.title("registered-victims-by-quarter")).isEqualTo("Registered victims by quarter of registration");

		assertThat(MACEDONIAN.category("MK")).isEqualTo("Северна Македонија");
		assertThat(MACEDONIAN.category("police")).isNotEqualTo("Police").isNotBlank();
		assertThat(MACEDONIAN.category("SexAndLabour")).isNotEqualTo("Sexual and labour exploitation")
			.doesNotContain("statistics.");
		assertThat(MACEDONIAN.number(1234.5)).isEqualTo("1.234,5");
		assertThat(ENGLISH.number(1234.5)).isEqualTo("1,234.5");
	}

	@Test
	void a_table_said_in_a_language_carries_its_title_and_the_words_for_every_code_in_it() {
		StatisticsTable said = MACEDONIAN.said(quarters());

		assertThat(said.title()).isEqualTo(MACEDONIAN.title("registered-victims-by-quarter"))
			.isNotEqualTo(ENGLISH.title("registered-victims-by-quarter"));
		assertThat(said.labels()).containsKeys("quarter", "status", "Presumed", "Identified", "2026-Q1", "Total")
			.allSatisfy((code, words) -> assertThat(words).isNotBlank().doesNotStartWith("statistics."));
		assertThat(StatisticsCsv.longForm(said)).first()
			.satisfies(line -> assertThat(line.subList(9, 12)).containsExactly(said.title(), "2026-Q1",
					said.label("Presumed")));
		Chart trend = StatisticsCharts.trend(said, MACEDONIAN);
		assertThat(trend.title()).contains("2026").doesNotContain("Registered");
		assertThat(trend.description()).doesNotContain("withheld").contains(MACEDONIAN.say("statistics.chart.withheld"));
	}

	private static StatisticsTable quarters() {
		return new StatisticsTable("registered-victims-by-quarter", "2026-Q1..2026-Q4", "coe", 10, "quarter", "status", List.of("Presumed", "Identified"),
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
