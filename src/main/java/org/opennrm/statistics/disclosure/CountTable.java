package org.opennrm.statistics.disclosure;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table of counts of persons, before disclosure control: never released as it is, only through
 * {@link CellSuppression#protect(CountTable, SuppressionPolicy)}.
 * <p>
 * A <b>one-way</b> table counts persons by one dimension (for example by type of exploitation): one count per
 * category, and their total. A <b>two-way</b> table counts persons by two dimensions (for example by age band and
 * sex): one count per row and column, a total per row, a total per column and a grand total.
 * <p>
 * Totals are always added up from the counts, never supplied, so a table is consistent by construction. The table
 * is immutable: the arrays given to the factories are copied.
 */
public final class CountTable {

	private final String rowDimension;

	private final List<String> rows;

	private final String columnDimension;

	private final List<String> columns;

	/** One array per row; a one-way table has a single column. */
	private final long[][] counts;

	private final long[] rowTotals;

	private final long[] columnTotals;

	private final long total;

	private CountTable(String rowDimension, List<String> rows, String columnDimension, List<String> columns,
			long[][] counts) {
		this.rowDimension = rowDimension;
		this.rows = rows;
		this.columnDimension = columnDimension;
		this.columns = columns;
		this.counts = counts;
		int width = counts[0].length;
		this.rowTotals = new long[counts.length];
		this.columnTotals = new long[width];
		long sum = 0;
		for (int row = 0; row < counts.length; row++) {
			for (int column = 0; column < width; column++) {
				this.rowTotals[row] = Math.addExact(this.rowTotals[row], counts[row][column]);
				this.columnTotals[column] = Math.addExact(this.columnTotals[column], counts[row][column]);
			}
			sum = Math.addExact(sum, this.rowTotals[row]);
		}
		this.total = sum;
	}

	/**
	 * A one-way table: persons counted by one dimension.
	 * @param dimension what the categories are (for example {@code "exploitationType"})
	 * @param categories the category labels, distinct, at least one
	 * @param counts the number of persons in each category, non-negative, as many as categories
	 */
	public static CountTable oneWay(String dimension, List<String> categories, long[] counts) {
		Objects.requireNonNull(counts, "counts");
		List<String> labels = labels(dimension, categories);
		if (counts.length != labels.size()) {
			throw new IllegalArgumentException(
					"There are " + labels.size() + " categories but " + counts.length + " counts");
		}
		long[][] column = new long[counts.length][];
		for (int row = 0; row < counts.length; row++) {
			column[row] = new long[] { nonNegative(counts[row]) };
		}
		return new CountTable(dimension, labels, null, List.of(), column);
	}

	/**
	 * A two-way table: persons counted by two dimensions.
	 * @param rowDimension what the rows are (for example {@code "ageBand"})
	 * @param rows the row labels, distinct, at least one
	 * @param columnDimension what the columns are (for example {@code "sex"})
	 * @param columns the column labels, distinct, at least one
	 * @param counts {@code counts[row][column]}, non-negative, one array per row, each as long as there are columns
	 */
	public static CountTable twoWay(String rowDimension, List<String> rows, String columnDimension,
			List<String> columns, long[][] counts) {
		Objects.requireNonNull(counts, "counts");
		List<String> rowLabels = labels(rowDimension, rows);
		List<String> columnLabels = labels(columnDimension, columns);
		if (counts.length != rowLabels.size()) {
			throw new IllegalArgumentException("There are " + rowLabels.size() + " rows but " + counts.length
					+ " rows of counts");
		}
		long[][] copy = new long[counts.length][];
		for (int row = 0; row < counts.length; row++) {
			Objects.requireNonNull(counts[row], "counts of row " + row);
			if (counts[row].length != columnLabels.size()) {
				throw new IllegalArgumentException("Row " + row + " has " + counts[row].length + " counts for "
						+ columnLabels.size() + " columns");
			}
			copy[row] = counts[row].clone();
			for (long count : copy[row]) {
				nonNegative(count);
			}
		}
		return new CountTable(rowDimension, rowLabels, columnDimension, columnLabels, copy);
	}

	private static List<String> labels(String dimension, List<String> labels) {
		Objects.requireNonNull(dimension, "dimension");
		List<String> copy = List.copyOf(labels);
		if (copy.isEmpty()) {
			throw new IllegalArgumentException("The dimension " + dimension + " has no categories");
		}
		if (new HashSet<>(copy).size() != copy.size()) {
			throw new IllegalArgumentException("The categories of " + dimension + " repeat: " + copy);
		}
		return copy;
	}

	private static long nonNegative(long count) {
		if (count < 0) {
			throw new IllegalArgumentException("A count of persons cannot be negative: " + count);
		}
		return count;
	}

	/** Whether the table has two dimensions (rows and columns) rather than one (categories). */
	public boolean isTwoWay() {
		return this.columnDimension != null;
	}

	/** The dimension of the rows; of a one-way table, its only dimension. */
	public String rowDimension() {
		return this.rowDimension;
	}

	/** The row labels; of a one-way table, its categories. */
	public List<String> rows() {
		return this.rows;
	}

	/** The categories of a one-way table. */
	public List<String> categories() {
		requireOneWay();
		return this.rows;
	}

	/** The dimension of the columns; empty for a one-way table. */
	public Optional<String> columnDimension() {
		return Optional.ofNullable(this.columnDimension);
	}

	/** The column labels; empty for a one-way table. */
	public List<String> columns() {
		return this.columns;
	}

	/** The count of a category of a one-way table. */
	public long count(int category) {
		requireOneWay();
		return this.counts[category][0];
	}

	/** The count in a row and column of a two-way table. */
	public long count(int row, int column) {
		requireTwoWay();
		return this.counts[row][column];
	}

	/** The total of a row of a two-way table. */
	public long rowTotal(int row) {
		requireTwoWay();
		return this.rowTotals[row];
	}

	/** The total of a column of a two-way table. */
	public long columnTotal(int column) {
		requireTwoWay();
		return this.columnTotals[column];
	}

	/** The total of a one-way table, the grand total of a two-way table. */
	public long total() {
		return this.total;
	}

	private void requireOneWay() {
		if (isTwoWay()) {
			throw new IllegalStateException("A two-way table has rows and columns, not categories");
		}
	}

	private void requireTwoWay() {
		if (!isTwoWay()) {
			throw new IllegalStateException("A one-way table has categories, not rows and columns");
		}
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof CountTable table && this.rowDimension.equals(table.rowDimension)
				&& this.rows.equals(table.rows) && Objects.equals(this.columnDimension, table.columnDimension)
				&& this.columns.equals(table.columns) && Arrays.deepEquals(this.counts, table.counts);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.rowDimension, this.rows, this.columnDimension, this.columns,
				Arrays.deepHashCode(this.counts));
	}

	/** Says the shape, never the counts: a table before disclosure control must not end up in a log. */
	@Override
	public String toString() {
		return isTwoWay() ? "CountTable[" + this.rowDimension + " (" + this.rows.size() + ") x " + this.columnDimension
				+ " (" + this.columns.size() + ")]" : "CountTable[" + this.rowDimension + " (" + this.rows.size() + ")]";
	}
}
