package org.opennrm.statistics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.opennrm.statistics.internal.StatisticsTable.Row;
import org.opennrm.statistics.internal.StatisticsTable.Summary;
import org.opennrm.statistics.internal.StatisticsTable.Value;

/**
 * The statistics page's charts, drawn from released tables only: a chart never sees a raw count, so it cannot show
 * more than the tables do. A withheld value becomes a hatched bar labelled {@code c} whose height means nothing, never
 * a bar of height zero. The geometry is worked out here; the template only places the shapes (inline SVG with
 * presentation attributes, as the pages' content security policy allows no script and no style attribute).
 */
final class StatisticsCharts {

	static final int WIDTH = 640;

	static final int HEIGHT = 300;

	static final int PLOT_LEFT = 56;

	static final int PLOT_RIGHT = WIDTH - 16;

	static final int PLOT_TOP = 28;

	static final int PLOT_BOTTOM = HEIGHT - 44;

	/** Series colours: at least 3:1 against white and against each other's neighbours (WCAG non-text contrast). */
	static final String COUNT = "count";

	static final String DAYS = "days";

	private static final List<String> FILLS = List.of("#0b4f8a", "#a34f00", "#17663a");

	private StatisticsCharts() {
	}

	/**
	 * The charts of one release.
	 *
	 * @param trend registered victims per quarter of registration, presumed and identified
	 * @param exploitation registered victims by form of exploitation
	 * @param decisionDays median days from registration to the preliminary and the formal decision
	 * @param deadlines preliminary and formal decisions in time and late
	 */
	record Charts(Chart trend, Chart exploitation, Chart decisionDays, Chart deadlines) {
	}

	/**
	 * A bar chart, ready to draw.
	 *
	 * @param id unique on the page, for the ids of its title, description and hatch pattern
	 * @param title the accessible name
	 * @param description every value in words, for those who cannot see the chart
	 * @param tableId the id of the table the values come from
	 * @param tableTitle that table's title
	 * @param kind {@code count} for counts of persons, {@code days} for durations
	 * @param unit what the value axis counts, in words
	 * @param ticks the value axis
	 * @param categories the category axis
	 * @param bars the bars, withheld ones included
	 * @param series the series, in the order of each category's bars
	 * @param anyWithheld whether a bar is withheld, to explain the hatching in the legend
	 */
	record Chart(String id, String title, String description, String tableId, String tableTitle, String kind,
			String unit, List<Tick> ticks, List<Category> categories, List<Bar> bars, List<Series> series, boolean anyWithheld) {

		public int width() {
			return WIDTH;
		}

		public int height() {
			return HEIGHT;
		}

		public String viewBox() {
			return "0 0 " + WIDTH + " " + HEIGHT;
		}

		public int plotLeft() {
			return PLOT_LEFT;
		}

		public int plotRight() {
			return PLOT_RIGHT;
		}

		public int plotTop() {
			return PLOT_TOP;
		}

		public int plotBottom() {
			return PLOT_BOTTOM;
		}

		/** Where the category labels sit. */
		public int categoryLabelY() {
			return PLOT_BOTTOM + 20;
		}

		/** The series to name in a legend: none when there is only one (the title names it). */
		public List<Series> legend() {
			return this.series.size() > 1 ? this.series : List.of();
		}

		public String hatchId() {
			return "hatch-" + this.id;
		}

		public String hatchFill() {
			return "url(#" + hatchId() + ")";
		}
	}

	/**
	 * A line across the plot at a value.
	 *
	 * @param y where
	 * @param label the value
	 */
	record Tick(double y, String label) {
	}

	/**
	 * A category on the horizontal axis.
	 *
	 * @param label its name
	 * @param x the middle of its bars
	 */
	record Category(String label, double x) {
	}

	/**
	 * One series in the legend.
	 *
	 * @param label its name
	 * @param fill its colour
	 */
	record Series(String label, String fill) {
	}

	/**
	 * One bar.
	 *
	 * @param series which series
	 * @param category which category
	 * @param x left edge
	 * @param y top edge
	 * @param width width
	 * @param height height (the whole plot for a withheld bar: its height means nothing)
	 * @param fill colour of a released bar
	 * @param withheld whether the value is withheld ({@code c})
	 * @param text the value as shown above the bar, or {@code c}
	 * @param labelX where that text sits
	 * @param labelY where that text sits
	 */
	record Bar(String series, String category, double x, double y, double width, double height, String fill,
			boolean withheld, String text, double labelX, double labelY) {
	}

	/** One value as released: {@code null} when withheld. */
	private record Point(String category, String series, Double value) {
	}

	/** The charts of a release, in the language of {@code words}; the tables as {@link StatisticsLabels#said said}. */
	static Charts of(List<StatisticsTable> tables, StatisticsLabels words) {
		StatisticsTable quarters = table(tables, Indicator.VICTIMS_BY_QUARTER);
		StatisticsTable exploitation = table(tables, Indicator.VICTIMS_BY_SEX_AND_EXPLOITATION);
		StatisticsTable decisions = table(tables, Indicator.DECISIONS_WITHIN_DEADLINE);
		return new Charts(trend(quarters, words), exploitation(exploitation, words), decisionDays(decisions, words),
				deadlines(decisions, words));
	}

	/** Registered victims per quarter, presumed and identified side by side. */
	static Chart trend(StatisticsTable table, StatisticsLabels words) {
		return chart("trend", words.say("statistics.chart.trend", year(table)), table, COUNT, byRowAndColumn(table),
				words);
	}

	/** Registered victims by form of exploitation: the column totals of the table by sex and exploitation. */
	static Chart exploitation(StatisticsTable table, StatisticsLabels words) {
		List<Point> points = new ArrayList<>();
		String series = words.say("statistics.chart.exploitation.series");
		for (int column = 0; column < table.columns().size(); column++) {
			points.add(new Point(table.label(table.columns().get(column)), series,
					count(table.totals().cells().get(column))));
		}
		return chart("exploitation", words.say("statistics.chart.exploitation", year(table)), table, COUNT, points,
				words);
	}

	/** Median days from registration to the first preliminary and the first formal decision. */
	static Chart decisionDays(StatisticsTable table, StatisticsLabels words) {
		List<Point> points = new ArrayList<>();
		String series = words.say("statistics.chart.decisionDays.series");
		for (Summary summary : table.summaries() == null ? List.<Summary>of() : table.summaries()) {
			points.add(new Point(words.say("statistics.chart.decisionDays.category", table.label(summary.label())),
					series, summary.flag() == null ? summary.median() : null));
		}
		return chart("decision-days", words.say("statistics.chart.decisionDays", year(table)), table, DAYS, points,
				words);
	}

	/** Preliminary and formal decisions taken by their deadline and late. */
	static Chart deadlines(StatisticsTable table, StatisticsLabels words) {
		return chart("deadlines", words.say("statistics.chart.deadlines", year(table)), table, COUNT,
				byRowAndColumn(table), words);
	}

	private static List<Point> byRowAndColumn(StatisticsTable table) {
		List<Point> points = new ArrayList<>();
		for (Row row : table.rows()) {
			for (int column = 0; column < table.columns().size(); column++) {
				points.add(new Point(table.label(row.label()), table.label(table.columns().get(column)),
						count(row.cells().get(column))));
			}
		}
		return points;
	}

	private static Chart chart(String id, String title, StatisticsTable table, String kind, List<Point> points,
			StatisticsLabels words) {
		List<String> categories = points.stream().map(Point::category).distinct().toList();
		List<String> seriesNames = points.stream().map(Point::series).distinct().toList();
		double largest = points.stream().map(Point::value).filter(Objects::nonNull).mapToDouble(Double::doubleValue)
			.max()
			.orElse(0);
		double step = step(largest);
		double top = Math.max(step, Math.ceil(largest / step) * step);

		List<Tick> ticks = new ArrayList<>();
		for (double value = 0; value <= top + step / 2; value += step) {
			ticks.add(new Tick(round(PLOT_BOTTOM - height(value, top)), words.number(value)));
		}
		double groupWidth = (double) (PLOT_RIGHT - PLOT_LEFT) / Math.max(1, categories.size());
		double barWidth = Math.min(56, groupWidth * 0.72 / seriesNames.size());
		List<Category> axis = new ArrayList<>();
		List<Bar> bars = new ArrayList<>();
		for (int group = 0; group < categories.size(); group++) {
			double middle = PLOT_LEFT + groupWidth * (group + 0.5);
			axis.add(new Category(categories.get(group), round(middle)));
			double left = middle - barWidth * seriesNames.size() / 2;
			for (int series = 0; series < seriesNames.size(); series++) {
				Point point = point(points, categories.get(group), seriesNames.get(series));
				double x = round(left + barWidth * series + 1);
				double width = round(barWidth - 2);
				String fill = FILLS.get(series % FILLS.size());
				if (point.value() == null) {
					bars.add(new Bar(point.series(), point.category(), x, PLOT_TOP, width, PLOT_BOTTOM - PLOT_TOP, fill,
							true, StatisticsTable.CONFIDENTIAL, round(x + width / 2), PLOT_TOP - 8));
				}
				else {
					double height = round(height(point.value(), top));
					bars.add(new Bar(point.series(), point.category(), x, round(PLOT_BOTTOM - height), width, height,
							fill, false, words.number(point.value()), round(x + width / 2), round(PLOT_BOTTOM - height - 6)));
				}
			}
		}
		List<Series> legend = new ArrayList<>();
		for (int series = 0; series < seriesNames.size(); series++) {
			legend.add(new Series(seriesNames.get(series), FILLS.get(series % FILLS.size())));
		}
		boolean anyWithheld = bars.stream().anyMatch(Bar::withheld);
		return new Chart(id, title, describe(title, table, kind, categories, seriesNames, points, anyWithheld, words),
				table.id(), table.title(), kind, words.say(DAYS.equals(kind) ? "statistics.chart.unit.days"
						: "statistics.chart.unit.persons"), ticks, axis, bars, legend, anyWithheld);
	}

	/** Every value in words: "2026-Q1: Presumed 12, Identified withheld (c). ..." */
	private static String describe(String title, StatisticsTable table, String kind, List<String> categories,
			List<String> seriesNames, List<Point> points, boolean anyWithheld, StatisticsLabels words) {
		List<String> sentences = new ArrayList<>();
		sentences.add(words.say("statistics.chart.sentence", title));
		if (points.isEmpty()) {
			sentences.add(words.say("statistics.chart.noValues"));
			return String.join(" ", sentences);
		}
		for (String category : categories) {
			List<String> parts = new ArrayList<>();
			for (String series : seriesNames) {
				Double value = point(points, category, series).value();
				String shown = value == null ? words.say("statistics.chart.withheld")
						: DAYS.equals(kind) ? words.say("statistics.chart.days", words.number(value))
								: words.number(value);
				parts.add(seriesNames.size() > 1 ? words.say("statistics.chart.seriesValue", series, shown) : shown);
			}
			sentences.add(words.say("statistics.chart.category", category,
					String.join(words.say("list.separator"), parts)));
		}
		if (anyWithheld) {
			sentences.add(words.say("statistics.chart.withheldExplained", table.threshold()));
		}
		return String.join(" ", sentences);
	}

	/** How tall a value stands on a plot whose top line is {@code top}. */
	private static double height(double value, double top) {
		return value / top * (PLOT_BOTTOM - PLOT_TOP);
	}

	private static Point point(List<Point> points, String category, String series) {
		return points.stream()
			.filter(point -> point.category().equals(category) && point.series().equals(series))
			.findFirst()
			.orElse(new Point(category, series, null));
	}

	private static StatisticsTable table(List<StatisticsTable> tables, Indicator indicator) {
		return tables.stream()
			.filter(table -> table.id().equals(indicator.id()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The release has no table " + indicator.id()));
	}

	private static Double count(Value value) {
		return value.value() == null ? null : value.value().doubleValue();
	}

	/** A step of 1, 2 or 5 times a power of ten that puts four or five lines across the plot. */
	static double step(double largest) {
		if (largest <= 0) {
			return 10;
		}
		double raw = largest / 4;
		double power = Math.pow(10, Math.floor(Math.log10(raw)));
		for (double factor : new double[] { 1, 2, 5 }) {
			if (factor * power >= raw) {
				return Math.max(1, factor * power);
			}
		}
		return Math.max(1, 10 * power);
	}

	private static String year(StatisticsTable table) {
		return table.period().substring(0, 4);
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}
}
