package org.opennrm.statistics.disclosure;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table of counts after disclosure control, the only form in which a table leaves OpenNRM.
 * <p>
 * Every cell, each total and the grand total included, is either released with its count or suppressed with the
 * reason ({@link CellStatus#PRIMARY}: below the threshold; {@link CellStatus#SECONDARY}: withheld so that another
 * suppressed cell cannot be worked out). The counts of suppressed cells are not kept here at all, so an exporter
 * cannot leak them. No released count is below the threshold, and no suppressed count can be recovered exactly
 * from the released ones, by differencing rows, columns and totals or by using that counts are not negative.
 * <p>
 * Only {@link CellSuppression#protect(CountTable, SuppressionPolicy)} makes one.
 */
public final class ProtectedTable {

	private final String rowDimension;

	private final List<String> rows;

	private final String columnDimension;

	private final List<String> columns;

	private final SuppressionPolicy policy;

	/** One array per row; a one-way table has a single column. */
	private final Cell[][] cells;

	private final Cell[] rowTotals;

	private final Cell[] columnTotals;

	private final Cell total;

	ProtectedTable(CountTable table, SuppressionPolicy policy, Cell[][] cells, Cell[] rowTotals, Cell[] columnTotals,
			Cell total) {
		this.rowDimension = table.rowDimension();
		this.rows = table.rows();
		this.columnDimension = table.columnDimension().orElse(null);
		this.columns = table.columns();
		this.policy = policy;
		this.cells = cells;
		this.rowTotals = rowTotals;
		this.columnTotals = columnTotals;
		this.total = total;
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

	/** The policy the table was protected with. */
	public SuppressionPolicy policy() {
		return this.policy;
	}

	/** The threshold the table was protected with: no released count is below it. */
	public int threshold() {
		return this.policy.threshold();
	}

	/** The cell of a category of a one-way table. */
	public Cell cell(int category) {
		requireOneWay();
		return this.cells[category][0];
	}

	/** The cell in a row and column of a two-way table. */
	public Cell cell(int row, int column) {
		requireTwoWay();
		return this.cells[row][column];
	}

	/** The total of a row of a two-way table. */
	public Cell rowTotal(int row) {
		requireTwoWay();
		return this.rowTotals[row];
	}

	/** The total of a column of a two-way table. */
	public Cell columnTotal(int column) {
		requireTwoWay();
		return this.columnTotals[column];
	}

	/** The total of a one-way table, the grand total of a two-way table. */
	public Cell total() {
		return this.total;
	}

	/** How many cells, totals included, are suppressed for any reason. */
	public int suppressedCount() {
		return count(CellStatus.PRIMARY) + count(CellStatus.SECONDARY);
	}

	/** How many cells, totals included, have the given status. */
	public int count(CellStatus status) {
		int count = this.total.status() == status ? 1 : 0;
		for (Cell[] row : this.cells) {
			for (Cell cell : row) {
				count += cell.status() == status ? 1 : 0;
			}
		}
		if (isTwoWay()) {
			for (Cell cell : this.rowTotals) {
				count += cell.status() == status ? 1 : 0;
			}
			for (Cell cell : this.columnTotals) {
				count += cell.status() == status ? 1 : 0;
			}
		}
		return count;
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
		return other instanceof ProtectedTable table && this.rowDimension.equals(table.rowDimension)
				&& this.rows.equals(table.rows) && Objects.equals(this.columnDimension, table.columnDimension)
				&& this.columns.equals(table.columns) && this.policy.equals(table.policy)
				&& Arrays.deepEquals(this.cells, table.cells) && Arrays.equals(this.rowTotals, table.rowTotals)
				&& Arrays.equals(this.columnTotals, table.columnTotals) && this.total.equals(table.total);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.rowDimension, this.rows, this.columnDimension, this.columns, this.policy,
				Arrays.deepHashCode(this.cells), Arrays.hashCode(this.rowTotals), Arrays.hashCode(this.columnTotals),
				this.total);
	}

	/** The released table, suppressed cells shown as {@code x}, one line per row with the row total last. */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("ProtectedTable[" + this.rowDimension
				+ (isTwoWay() ? " x " + this.columnDimension : "") + ", threshold " + threshold() + "]");
		for (int row = 0; row < this.cells.length; row++) {
			text.append("\n  ").append(this.rows.get(row)).append(':');
			for (Cell cell : this.cells[row]) {
				text.append(' ').append(cell.format("x"));
			}
			if (isTwoWay()) {
				text.append(" | ").append(this.rowTotals[row].format("x"));
			}
		}
		if (isTwoWay()) {
			text.append("\n  total:");
			for (Cell cell : this.columnTotals) {
				text.append(' ').append(cell.format("x"));
			}
			text.append(" |");
		}
		else {
			text.append("\n  total:");
		}
		return text.append(' ').append(this.total.format("x")).toString();
	}
}
