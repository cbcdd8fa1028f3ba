package org.opennrm.statistics.disclosure;

import java.util.Arrays;

/**
 * Cells of a table to withhold from the start, because a linked table over the same persons withholds a cell
 * they add up: a regrouping (say Eurostat's three sexes from four) must not release the sum of a withheld cell and
 * released ones, or subtracting would give the withheld cell away. Positions as in the table: interior cells (the
 * categories of a one-way table), then row totals, column totals and the grand total.
 */
public final class Withheld {

	private final boolean[][] cells;

	private final boolean[] rowTotals;

	private final boolean[] columnTotals;

	private final boolean total;

	private Withheld(boolean[][] cells, boolean[] rowTotals, boolean[] columnTotals, boolean total) {
		this.cells = Arrays.stream(cells).map(boolean[]::clone).toArray(boolean[][]::new);
		this.rowTotals = rowTotals.clone();
		this.columnTotals = columnTotals.clone();
		this.total = total;
	}

	/**
	 * For a one-way table.
	 * @param categories categories to withhold
	 * @param total whether to withhold the total
	 */
	public static Withheld oneWay(boolean[] categories, boolean total) {
		boolean[][] cells = new boolean[categories.length][];
		for (int category = 0; category < categories.length; category++) {
			cells[category] = new boolean[] { categories[category] };
		}
		return new Withheld(cells, new boolean[0], new boolean[0], total);
	}

	/**
	 * For a two-way table.
	 * @param cells interior cells to withhold, by row and column
	 * @param rowTotals row totals to withhold
	 * @param columnTotals column totals to withhold
	 * @param total whether to withhold the grand total
	 */
	public static Withheld of(boolean[][] cells, boolean[] rowTotals, boolean[] columnTotals, boolean total) {
		return new Withheld(cells, rowTotals, columnTotals, total);
	}

	/** The edge flags in {@code SuppressionGraph}'s layout for a table of that shape. */
	boolean[] edges(CountTable table) {
		int rows = table.rows().size();
		if (!table.isTwoWay()) {
			if (this.cells.length != rows || this.rowTotals.length != 0) {
				throw new IllegalArgumentException("Withheld cells do not match the table's shape");
			}
			boolean[] edges = new boolean[rows + 1];
			for (int category = 0; category < rows; category++) {
				edges[category] = this.cells[category][0];
			}
			edges[rows] = this.total;
			return edges;
		}
		int columns = table.columns().size();
		if (this.cells.length != rows || this.rowTotals.length != rows
				|| this.columnTotals.length != columns
				|| Arrays.stream(this.cells).anyMatch(row -> row.length != columns)) {
			throw new IllegalArgumentException("Withheld cells do not match the table's shape");
		}
		int width = columns + 1;
		boolean[] edges = new boolean[(rows + 1) * width];
		for (int row = 0; row < rows; row++) {
			for (int column = 0; column < columns; column++) {
				edges[row * width + column] = this.cells[row][column];
			}
			edges[row * width + columns] = this.rowTotals[row];
		}
		for (int column = 0; column < columns; column++) {
			edges[rows * width + column] = this.columnTotals[column];
		}
		edges[rows * width + columns] = this.total;
		return edges;
	}
}
