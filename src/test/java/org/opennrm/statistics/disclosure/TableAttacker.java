package org.opennrm.statistics.disclosure;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An attacker who sees only a released {@link ProtectedTable} and tries to work out its suppressed cells, written
 * independently of the production code (no graph, no cycles): the table's adding-up rules as linear equations
 * over the unknown cells, with the released counts moved to the right-hand side.
 * <ul>
 * <li>{@link #differencing()}: solve lines with a single unknown, and set to 0 every unknown of a line whose
 * unknowns all have the same sign and must add up to 0 (counts are not negative); repeat until nothing new.</li>
 * <li>{@link #linearlyDetermined()}: exact Gaussian elimination over the rationals; an unknown is pinned down by
 * the equations alone exactly when its unit vector is in their row space.</li>
 * <li>{@link #exactlyDetermined()}: the strongest attack, an exact linear program (simplex in rational numbers)
 * for the smallest and largest value of each unknown given the equations and non-negativity; an unknown is
 * pinned down when the two meet.</li>
 * </ul>
 */
final class TableAttacker {

	/** A cell of the released table: an interior cell, a row or column total, or the (grand) total. */
	record Position(Kind kind, int row, int column) {

		static Position interior(int row, int column) {
			return new Position(Kind.INTERIOR, row, column);
		}

		static Position rowTotal(int row) {
			return new Position(Kind.ROW_TOTAL, row, -1);
		}

		static Position columnTotal(int column) {
			return new Position(Kind.COLUMN_TOTAL, -1, column);
		}

		static Position total() {
			return new Position(Kind.TOTAL, -1, -1);
		}

		/** The true count of this cell in the original table (for checking the attacker, never used by it). */
		long in(CountTable table) {
			return switch (this.kind) {
				case INTERIOR -> table.isTwoWay() ? table.count(this.row, this.column) : table.count(this.row);
				case ROW_TOTAL -> table.rowTotal(this.row);
				case COLUMN_TOTAL -> table.columnTotal(this.column);
				case TOTAL -> table.total();
			};
		}
	}

	enum Kind {
		INTERIOR, ROW_TOTAL, COLUMN_TOTAL, TOTAL
	}

	/** One adding-up rule: the sum of coefficient times cell is zero. */
	record Line(String name, Map<Position, Integer> terms) {
	}

	private final Map<Position, Long> released = new LinkedHashMap<>();

	private final List<Position> unknowns = new ArrayList<>();

	private final List<Line> lines = new ArrayList<>();

	TableAttacker(ProtectedTable table) {
		if (table.isTwoWay()) {
			int rows = table.rows().size();
			int columns = table.columns().size();
			for (int row = 0; row < rows; row++) {
				for (int column = 0; column < columns; column++) {
					see(Position.interior(row, column), table.cell(row, column));
				}
				see(Position.rowTotal(row), table.rowTotal(row));
			}
			for (int column = 0; column < columns; column++) {
				see(Position.columnTotal(column), table.columnTotal(column));
			}
			see(Position.total(), table.total());
			for (int row = 0; row < rows; row++) {
				Map<Position, Integer> terms = new LinkedHashMap<>();
				for (int column = 0; column < columns; column++) {
					terms.put(Position.interior(row, column), 1);
				}
				terms.put(Position.rowTotal(row), -1);
				this.lines.add(new Line("row " + row, terms));
			}
			for (int column = 0; column < columns; column++) {
				Map<Position, Integer> terms = new LinkedHashMap<>();
				for (int row = 0; row < rows; row++) {
					terms.put(Position.interior(row, column), 1);
				}
				terms.put(Position.columnTotal(column), -1);
				this.lines.add(new Line("column " + column, terms));
			}
			Map<Position, Integer> rowTotals = new LinkedHashMap<>();
			for (int row = 0; row < rows; row++) {
				rowTotals.put(Position.rowTotal(row), 1);
			}
			rowTotals.put(Position.total(), -1);
			this.lines.add(new Line("row totals", rowTotals));
			Map<Position, Integer> columnTotals = new LinkedHashMap<>();
			for (int column = 0; column < columns; column++) {
				columnTotals.put(Position.columnTotal(column), 1);
			}
			columnTotals.put(Position.total(), -1);
			this.lines.add(new Line("column totals", columnTotals));
		}
		else {
			Map<Position, Integer> terms = new LinkedHashMap<>();
			for (int category = 0; category < table.categories().size(); category++) {
				see(Position.interior(category, 0), table.cell(category));
				terms.put(Position.interior(category, 0), 1);
			}
			see(Position.total(), table.total());
			terms.put(Position.total(), -1);
			this.lines.add(new Line("categories", terms));
		}
	}

	private void see(Position position, Cell cell) {
		if (cell.released()) {
			this.released.put(position, cell.value());
		}
		else {
			this.unknowns.add(position);
		}
	}

	List<Position> unknowns() {
		return this.unknowns;
	}

	Map<Position, Long> released() {
		return this.released;
	}

	/** Lines with one unknown, and lines whose same-signed unknowns add up to 0, until nothing new is learnt. */
	Map<Position, Long> differencing() {
		Map<Position, Long> known = new HashMap<>(this.released);
		Map<Position, Long> learnt = new LinkedHashMap<>();
		boolean progress = true;
		while (progress) {
			progress = false;
			for (Line line : this.lines) {
				long rest = 0;
				List<Position> open = new ArrayList<>();
				for (Map.Entry<Position, Integer> term : line.terms().entrySet()) {
					Long value = known.get(term.getKey());
					if (value == null) {
						open.add(term.getKey());
					}
					else {
						rest -= term.getValue() * value;
					}
				}
				if (open.isEmpty()) {
					continue;
				}
				if (open.size() == 1) {
					long value = rest / line.terms().get(open.get(0));
					known.put(open.get(0), value);
					learnt.put(open.get(0), value);
					progress = true;
					continue;
				}
				boolean sameSign = open.stream().map(line.terms()::get).distinct().count() == 1;
				if (sameSign && rest == 0) {
					for (Position zero : open) {
						known.put(zero, 0L);
						learnt.put(zero, 0L);
					}
					progress = true;
				}
			}
		}
		return learnt;
	}

	/** Unknowns whose unit vector lies in the row space of the equations (reduced row echelon form). */
	Set<Position> linearlyDetermined() {
		int width = this.unknowns.size();
		List<Q[]> matrix = new ArrayList<>();
		for (Line line : this.lines) {
			Q[] row = new Q[width + 1];
			java.util.Arrays.fill(row, Q.ZERO);
			long rest = 0;
			for (Map.Entry<Position, Integer> term : line.terms().entrySet()) {
				int index = this.unknowns.indexOf(term.getKey());
				if (index < 0) {
					rest -= term.getValue() * this.released.get(term.getKey());
				}
				else {
					row[index] = Q.of(term.getValue());
				}
			}
			row[width] = Q.of(rest);
			matrix.add(row);
		}
		int pivotRow = 0;
		for (int column = 0; column < width && pivotRow < matrix.size(); column++) {
			int found = -1;
			for (int row = pivotRow; row < matrix.size(); row++) {
				if (!matrix.get(row)[column].isZero()) {
					found = row;
					break;
				}
			}
			if (found < 0) {
				continue;
			}
			Q[] pivot = matrix.remove(found);
			matrix.add(pivotRow, pivot);
			Q scale = pivot[column];
			for (int k = 0; k <= width; k++) {
				pivot[k] = pivot[k].divide(scale);
			}
			for (int row = 0; row < matrix.size(); row++) {
				Q[] other = matrix.get(row);
				if (row != pivotRow && !other[column].isZero()) {
					Q factor = other[column];
					for (int k = 0; k <= width; k++) {
						other[k] = other[k].subtract(factor.multiply(pivot[k]));
					}
				}
			}
			pivotRow++;
		}
		Set<Position> determined = new LinkedHashSet<>();
		for (Q[] row : matrix) {
			int nonZero = -1;
			int count = 0;
			for (int k = 0; k < width; k++) {
				if (!row[k].isZero()) {
					nonZero = k;
					count++;
				}
			}
			if (count == 0 && !row[width].isZero()) {
				throw new AssertionError("The released table contradicts itself");
			}
			if (count == 1) {
				determined.add(this.unknowns.get(nonZero));
			}
		}
		return determined;
	}

	/** For each unknown the smallest and largest value any non-negative solution gives it (null: unbounded). */
	Map<Position, Q[]> exactIntervals() {
		int width = this.unknowns.size();
		int height = this.lines.size();
		Q[][] equations = new Q[height][width + 1];
		for (int row = 0; row < height; row++) {
			java.util.Arrays.fill(equations[row], Q.ZERO);
			long rest = 0;
			for (Map.Entry<Position, Integer> term : this.lines.get(row).terms().entrySet()) {
				int index = this.unknowns.indexOf(term.getKey());
				if (index < 0) {
					rest -= term.getValue() * this.released.get(term.getKey());
				}
				else {
					equations[row][index] = Q.of(term.getValue());
				}
			}
			equations[row][width] = Q.of(rest);
		}
		Simplex simplex = Simplex.feasible(equations, width);
		Map<Position, Q[]> intervals = new LinkedHashMap<>();
		for (int unknown = 0; unknown < width; unknown++) {
			Q max = simplex.maximise(unknown, Q.ONE);
			Q min = simplex.maximise(unknown, Q.of(-1));
			intervals.put(this.unknowns.get(unknown), new Q[] { min == null ? null : min.negate(), max });
		}
		return intervals;
	}

	/** Unknowns whose smallest and largest possible value meet. */
	Set<Position> exactlyDetermined() {
		Set<Position> determined = new LinkedHashSet<>();
		exactIntervals().forEach((position, interval) -> {
			if (interval[1] != null && interval[0].equals(interval[1])) {
				determined.add(position);
			}
		});
		return determined;
	}

	/** An exact rational number. */
	record Q(BigInteger numerator, BigInteger denominator) implements Comparable<Q> {

		static final Q ZERO = of(0);

		static final Q ONE = of(1);

		static Q of(long value) {
			return new Q(BigInteger.valueOf(value), BigInteger.ONE);
		}

		static Q of(BigInteger numerator, BigInteger denominator) {
			if (denominator.signum() < 0) {
				numerator = numerator.negate();
				denominator = denominator.negate();
			}
			BigInteger gcd = numerator.gcd(denominator);
			return gcd.equals(BigInteger.ONE) || gcd.signum() == 0 ? new Q(numerator, denominator)
					: new Q(numerator.divide(gcd), denominator.divide(gcd));
		}

		boolean isZero() {
			return this.numerator.signum() == 0;
		}

		int signum() {
			return this.numerator.signum();
		}

		Q add(Q other) {
			return of(this.numerator.multiply(other.denominator).add(other.numerator.multiply(this.denominator)),
					this.denominator.multiply(other.denominator));
		}

		Q subtract(Q other) {
			return add(other.negate());
		}

		Q negate() {
			return new Q(this.numerator.negate(), this.denominator);
		}

		Q multiply(Q other) {
			return of(this.numerator.multiply(other.numerator), this.denominator.multiply(other.denominator));
		}

		Q divide(Q other) {
			return of(this.numerator.multiply(other.denominator), this.denominator.multiply(other.numerator));
		}

		@Override
		public int compareTo(Q other) {
			return this.numerator.multiply(other.denominator).compareTo(other.numerator.multiply(this.denominator));
		}

		@Override
		public String toString() {
			return this.denominator.equals(BigInteger.ONE) ? this.numerator.toString() : this.numerator + "/" + this.denominator;
		}
	}

	/**
	 * The simplex method on a tableau of exact rationals, Bland's rule against cycling: first a feasible basis
	 * (phase one with artificial variables), then any number of objectives "maximise c times x_j" from there.
	 */
	static final class Simplex {

		private final List<Q[]> rows = new ArrayList<>();

		private final List<Integer> basis = new ArrayList<>();

		/** Columns 0..width-1 are the unknowns; from width on the artificial variables; the last is the value. */
		private final int width;

		private final int columns;

		private Simplex(Q[][] equations, int width) {
			this.width = width;
			int height = equations.length;
			this.columns = width + height + 1;
			for (int row = 0; row < height; row++) {
				boolean flip = equations[row][width].signum() < 0;
				Q[] tableau = new Q[this.columns];
				java.util.Arrays.fill(tableau, Q.ZERO);
				for (int k = 0; k < width; k++) {
					tableau[k] = flip ? equations[row][k].negate() : equations[row][k];
				}
				tableau[width + row] = Q.ONE;
				tableau[this.columns - 1] = flip ? equations[row][width].negate() : equations[row][width];
				this.rows.add(tableau);
				this.basis.add(width + row);
			}
		}

		static Simplex feasible(Q[][] equations, int width) {
			Simplex simplex = new Simplex(equations, width);
			Q[] phaseOne = new Q[simplex.columns - 1];
			java.util.Arrays.fill(phaseOne, Q.ZERO);
			for (int k = width; k < simplex.columns - 1; k++) {
				phaseOne[k] = Q.of(-1);
			}
			Q infeasibility = simplex.optimise(phaseOne, simplex.columns - 1);
			if (infeasibility == null || infeasibility.signum() != 0) {
				throw new AssertionError("The released table has no non-negative completion");
			}
			simplex.driveOutArtificials();
			return simplex;
		}

		private void driveOutArtificials() {
			for (int row = this.rows.size() - 1; row >= 0; row--) {
				if (this.basis.get(row) < this.width) {
					continue;
				}
				int entering = -1;
				for (int k = 0; k < this.width; k++) {
					if (!this.rows.get(row)[k].isZero()) {
						entering = k;
						break;
					}
				}
				if (entering < 0) {
					this.rows.remove(row);
					this.basis.remove(row);
				}
				else {
					pivot(row, entering);
				}
			}
		}

		/** The maximum of factor times unknown j over all non-negative solutions, null if unbounded. */
		Q maximise(int unknown, Q factor) {
			Q[] objective = new Q[this.width];
			java.util.Arrays.fill(objective, Q.ZERO);
			objective[unknown] = factor;
			return optimise(objective, this.width);
		}

		private Q optimise(Q[] objective, int allowed) {
			while (true) {
				int entering = -1;
				for (int k = 0; k < allowed && entering < 0; k++) {
					if (!this.basis.contains(k) && reducedCost(objective, k).signum() > 0) {
						entering = k;
					}
				}
				if (entering < 0) {
					Q value = Q.ZERO;
					for (int row = 0; row < this.rows.size(); row++) {
						int basic = this.basis.get(row);
						if (basic < objective.length) {
							value = value.add(objective[basic].multiply(this.rows.get(row)[this.columns - 1]));
						}
					}
					return value;
				}
				int leaving = -1;
				Q best = null;
				for (int row = 0; row < this.rows.size(); row++) {
					Q coefficient = this.rows.get(row)[entering];
					if (coefficient.signum() > 0) {
						Q ratio = this.rows.get(row)[this.columns - 1].divide(coefficient);
						int order = best == null ? -1 : ratio.compareTo(best);
						if (order < 0 || (order == 0 && this.basis.get(row) < this.basis.get(leaving))) {
							best = ratio;
							leaving = row;
						}
					}
				}
				if (leaving < 0) {
					return null;
				}
				pivot(leaving, entering);
			}
		}

		private Q reducedCost(Q[] objective, int column) {
			Q cost = column < objective.length ? objective[column] : Q.ZERO;
			for (int row = 0; row < this.rows.size(); row++) {
				int basic = this.basis.get(row);
				if (basic < objective.length && !objective[basic].isZero()) {
					cost = cost.subtract(objective[basic].multiply(this.rows.get(row)[column]));
				}
			}
			return cost;
		}

		private void pivot(int pivotRow, int column) {
			Q[] pivot = this.rows.get(pivotRow);
			Q scale = pivot[column];
			for (int k = 0; k < this.columns; k++) {
				pivot[k] = pivot[k].divide(scale);
			}
			for (int row = 0; row < this.rows.size(); row++) {
				Q[] other = this.rows.get(row);
				if (row != pivotRow && !other[column].isZero()) {
					Q factor = other[column];
					for (int k = 0; k < this.columns; k++) {
						other[k] = other[k].subtract(factor.multiply(pivot[k]));
					}
				}
			}
			this.basis.set(pivotRow, column);
		}
	}
}
