package org.opennrm.statistics.internal;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A released table: every count has been through disclosure control. A suppressed cell has no value and the flag
 * {@code c} (confidential, as Eurostat marks it); no cell, margin or total below the threshold is ever given.
 *
 * @param id the table's id
 * @param title its title in the reader's language ({@code null} until {@link StatisticsLabels#said said})
 * @param description what it counts, likewise
 * @param period the quarters of registration it covers, e.g. {@code 2026-Q1..2026-Q4}
 * @param jurisdiction the jurisdiction, {@code null} for all
 * @param threshold counts below it are suppressed
 * @param rowDimension what the rows break down by
 * @param columnDimension what the columns break down by; {@code null} for a one-way table
 * @param columns the column labels (one, {@code Persons}, for a one-way table)
 * @param rows the rows, each with its cells and (two-way) its total
 * @param totals the column totals and the grand total
 * @param summaries figures computed over persons, such as the median days to a decision, each released only when it
 * stands for at least {@code threshold} persons
 * @param labels the words for every code in the table (dimensions, categories, {@code Total}) in the reader's language
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StatisticsTable(String id, String title, String description, String period, String jurisdiction,
		int threshold, String rowDimension, String columnDimension, List<String> columns, List<Row> rows, Row totals,
		List<Summary> summaries, Map<String, String> labels) {

	StatisticsTable(String id, String period, String jurisdiction, int threshold, String rowDimension,
			String columnDimension, List<String> columns, List<Row> rows, Row totals, List<Summary> summaries) {
		this(id, null, null, period, jurisdiction, threshold, rowDimension, columnDimension, columns, rows, totals,
				summaries, null);
	}

	/** The same figures with the words of one language. */
	StatisticsTable withWords(String title, String description, Map<String, String> labels) {
		return new StatisticsTable(this.id, title, description, this.period, this.jurisdiction, this.threshold,
				this.rowDimension, this.columnDimension, this.columns, this.rows, this.totals, this.summaries, labels);
	}

	/** The words for a code, or the code when the table has not been said in a language. */
	String label(String code) {
		return this.labels == null || code == null ? code : this.labels.getOrDefault(code, code);
	}

	/** Flag of a suppressed cell. */
	static final String CONFIDENTIAL = "c";

	/** Every cell in long form, row by row, margins and the grand total included. */
	List<CellLine> cellLines() {
		List<CellLine> lines = new java.util.ArrayList<>();
		List<Row> all = new java.util.ArrayList<>(this.rows);
		all.add(this.totals);
		for (Row row : all) {
			for (int column = 0; column < row.cells().size(); column++) {
				lines.add(new CellLine(row.label(), this.columnDimension == null ? StatisticsLabels.TOTAL : this.columns.get(column),
						row.cells().get(column)));
			}
			if (row.total() != null) {
				lines.add(new CellLine(row.label(), StatisticsLabels.TOTAL, row.total()));
			}
		}
		return lines;
	}

	/**
	 * One cell in long form.
	 *
	 * @param row the row category, or {@code Total}
	 * @param column the column category, or {@code Total}
	 * @param value the count as released
	 */
	record CellLine(String row, String column, Value value) {
	}

	/**
	 * One row.
	 *
	 * @param label the category
	 * @param cells one per column
	 * @param total the row total (two-way tables only)
	 */
	record Row(String label, List<Value> cells, Value total) {
	}

	/**
	 * A count as released.
	 *
	 * @param value the count, {@code null} when suppressed
	 * @param flag {@code c} when suppressed
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record Value(Long value, String flag) {

		static Value of(long count) {
			return new Value(count, null);
		}

		static Value suppressed() {
			return new Value(null, CONFIDENTIAL);
		}

		boolean isSuppressed() {
			return this.value == null;
		}
	}

	/**
	 * A figure over persons.
	 *
	 * @param label what it is, e.g. {@code Preliminary}
	 * @param persons how many persons it stands for, {@code null} when that count is suppressed
	 * @param median the median, {@code null} when suppressed or none
	 * @param mean the mean, {@code null} when suppressed or none
	 * @param unit the unit, e.g. {@code days}
	 * @param inTimeShare the share of these decisions taken by their deadline, between 0 and 1; {@code null} when
	 * withheld (released only if those in time, those late and all are each at least the threshold)
	 * @param flag {@code c} when the figures over persons are suppressed
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record Summary(String label, Long persons, Double median, Double mean, String unit, Double inTimeShare,
			String flag) {
	}
}
