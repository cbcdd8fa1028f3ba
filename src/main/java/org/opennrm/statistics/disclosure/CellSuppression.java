package org.opennrm.statistics.disclosure;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Cell suppression: turns counts of persons into what may be released.
 * <ol>
 * <li><b>Primary suppression.</b> Every cell below the threshold is withheld: interior cells, row and column
 * totals and the grand total alike, and zeros too, so that no released count is below the threshold and an empty
 * cell does not tell that nobody has some combination of characteristics.</li>
 * <li><b>Secondary suppression.</b> A withheld cell must not be recoverable from the released ones. In a table
 * with totals every row and column adds up, so a single withheld cell in a row is its total minus the rest; and
 * counts are never negative, so withheld cells that must add up to 0 are all 0. Further cells are withheld, the
 * cheapest first in persons, until neither way (nor any combination of rows, columns and totals) pins down a
 * withheld cell; see the model in {@code SuppressionGraph}. A one-way table is the simple case: with one small
 * category and a released total, the smallest other category is withheld as well.</li>
 * </ol>
 * The result is deterministic: the same table and policy always give the same released cells.
 * <p>
 * This protects one table at a time. Two tables about the same persons (say by age and by sex, or this quarter's
 * and the year's) can give each other's suppressed cells away: release one table per population, or protect the
 * tables together.
 */
public final class CellSuppression {

	private CellSuppression() {
	}

	/** Applies primary and secondary suppression to a table: the only way to make a {@link ProtectedTable}. */
	public static ProtectedTable protect(CountTable table, SuppressionPolicy policy) {
		Objects.requireNonNull(table, "table");
		return protect(table, policy, new boolean[SuppressionGraph.of(table).edgeCount()]);
	}

	/**
	 * Like {@link #protect(CountTable, SuppressionPolicy)}, with cells withheld from the start because a linked table
	 * withholds cells they add up (they count as {@link CellStatus#SECONDARY}); the cells withheld to protect them
	 * are chosen as for any other.
	 */
	public static ProtectedTable protect(CountTable table, SuppressionPolicy policy, Withheld withheld) {
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(withheld, "withheld");
		return protect(table, policy, withheld.edges(table));
	}

	private static ProtectedTable protect(CountTable table, SuppressionPolicy policy, boolean[] withheld) {
		Objects.requireNonNull(policy, "policy");
		CellStatus[] status = SuppressionGraph.of(table).protect(policy, withheld);
		int rows = table.rows().size();
		if (!table.isTwoWay()) {
			Cell[][] cells = new Cell[rows][1];
			for (int category = 0; category < rows; category++) {
				cells[category][0] = cell(table.count(category), status[category]);
			}
			return new ProtectedTable(table, policy, cells, new Cell[0], new Cell[0],
					cell(table.total(), status[rows]));
		}
		int columns = table.columns().size();
		int width = columns + 1;
		Cell[][] cells = new Cell[rows][columns];
		Cell[] rowTotals = new Cell[rows];
		Cell[] columnTotals = new Cell[columns];
		for (int row = 0; row < rows; row++) {
			for (int column = 0; column < columns; column++) {
				cells[row][column] = cell(table.count(row, column), status[row * width + column]);
			}
			rowTotals[row] = cell(table.rowTotal(row), status[row * width + columns]);
		}
		for (int column = 0; column < columns; column++) {
			columnTotals[column] = cell(table.columnTotal(column), status[rows * width + column]);
		}
		return new ProtectedTable(table, policy, cells, rowTotals, columnTotals,
				cell(table.total(), status[rows * width + columns]));
	}

	private static Cell cell(long count, CellStatus status) {
		return status == CellStatus.RELEASED ? Cell.released(count) : Cell.suppressed(status);
	}

	/**
	 * A share of persons (for example the share of identified victims who are children), released only if the
	 * persons counted, the persons not counted and all persons are each at least the threshold: a share of 100 %
	 * or 0 % of a group, or a share of a tiny group, tells something about every member.
	 * @param numerator the persons counted, between 0 and the denominator
	 * @param denominator all persons
	 * @return the share between 0 and 1, or empty if suppressed
	 */
	public static OptionalDouble protectShare(long numerator, long denominator, SuppressionPolicy policy) {
		Objects.requireNonNull(policy, "policy");
		if (numerator < 0 || numerator > denominator) {
			throw new IllegalArgumentException(
					"A share counts between none and all persons: " + numerator + " of " + denominator);
		}
		if (policy.isBelowThreshold(numerator) || policy.isBelowThreshold(denominator - numerator)
				|| policy.isBelowThreshold(denominator)) {
			return OptionalDouble.empty();
		}
		return OptionalDouble.of((double) numerator / denominator);
	}

	/**
	 * A statistic over persons (the median or mean time to a decision, say), released only if computed over at
	 * least the threshold of persons: over fewer it says too much about each of them.
	 * @param persons how many persons the statistic was computed over
	 * @param statistic the value, computed by the caller
	 * @return the statistic, or empty if suppressed (or if there was none)
	 */
	public static <T> Optional<T> protectSummary(long persons, T statistic, SuppressionPolicy policy) {
		Objects.requireNonNull(policy, "policy");
		if (persons < 0) {
			throw new IllegalArgumentException("A number of persons cannot be negative: " + persons);
		}
		return policy.isBelowThreshold(persons) ? Optional.empty() : Optional.ofNullable(statistic);
	}
}
