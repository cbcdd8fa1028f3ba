package org.opennrm.statistics.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.opennrm.statistics.disclosure.Cell;
import org.opennrm.statistics.disclosure.CellSuppression;
import org.opennrm.statistics.disclosure.CountTable;
import org.opennrm.statistics.disclosure.ProtectedTable;
import org.opennrm.statistics.disclosure.SuppressionPolicy;
import org.opennrm.statistics.disclosure.Withheld;

/**
 * Protects tables about the same persons together. Every cell has a key naming what it counts ({@code V|sex=Female}
 * is the number of registered victims who are female, whichever table shows it); a cell withheld in one table is
 * withheld in every table that shows the same key; and where one count is the sum of others in another table (the
 * minors are the 0–8, 9–17 and child-of-unknown-age bands) the sum and its parts are never withheld alone: if exactly
 * one of them is withheld, subtracting would give it away, so the smallest other one is withheld too. Tables are
 * protected again until nothing changes, so that no table releases what another withholds, nor a sum that would give
 * it away.
 */
final class LinkedProtection {

	/**
	 * A table to protect.
	 *
	 * @param name its name in the result
	 * @param counts the raw counts
	 * @param population the key prefix of the persons (or mentions) it counts: tables with the same prefix share keys
	 */
	record Table(String name, CountTable counts, String population) {

		/** The key of every cell in the layout of {@link Withheld}: interior cells, row totals, column totals, total. */
		String interior(int row, int column) {
			return row(row) + "|" + this.counts.columnDimension().orElseThrow() + "=" + this.counts.columns().get(column);
		}

		String row(int row) {
			return this.population + "|" + this.counts.rowDimension() + "=" + this.counts.rows().get(row);
		}

		String column(int column) {
			return this.population + "|" + this.counts.columnDimension().orElseThrow() + "="
					+ this.counts.columns().get(column);
		}

		String total() {
			return this.population;
		}
	}

	/**
	 * A count that is the sum of others.
	 *
	 * @param sum the key of the sum
	 * @param parts the keys of its parts
	 */
	record Sum(String sum, List<String> parts) {
	}

	private LinkedProtection() {
	}

	/** Protects the tables together; the result in the order given. */
	static Map<String, ProtectedTable> protect(List<Table> tables, List<Sum> sums, SuppressionPolicy policy) {
		Set<String> forced = new HashSet<>();
		Map<String, Long> counts = new HashMap<>();
		while (true) {
			Map<String, ProtectedTable> released = new LinkedHashMap<>();
			Set<String> withheld = new HashSet<>(forced);
			for (Table table : tables) {
				ProtectedTable result = CellSuppression.protect(table.counts(), policy, mask(table, forced));
				released.put(table.name(), result);
				collect(table, result, withheld, counts);
			}
			boolean grew = true;
			while (grew) {
				grew = false;
				for (Sum sum : sums) {
					List<String> members = new java.util.ArrayList<>(sum.parts());
					members.add(sum.sum());
					if (members.stream().filter(withheld::contains).count() == 1) {
						grew |= members.stream()
							.filter(member -> !withheld.contains(member))
							.min(java.util.Comparator.comparing((String member) -> counts.getOrDefault(member, 0L))
								.thenComparing(member -> member))
							.map(withheld::add)
							.orElse(false);
					}
				}
			}
			if (forced.containsAll(withheld)) {
				return released;
			}
			forced.addAll(withheld);
		}
	}

	private static Withheld mask(Table table, Set<String> forced) {
		CountTable counts = table.counts();
		int rows = counts.rows().size();
		if (!counts.isTwoWay()) {
			boolean[] categories = new boolean[rows];
			for (int row = 0; row < rows; row++) {
				categories[row] = forced.contains(table.row(row));
			}
			return Withheld.oneWay(categories, forced.contains(table.total()));
		}
		int columns = counts.columns().size();
		boolean[][] cells = new boolean[rows][columns];
		boolean[] rowTotals = new boolean[rows];
		boolean[] columnTotals = new boolean[columns];
		for (int row = 0; row < rows; row++) {
			for (int column = 0; column < columns; column++) {
				cells[row][column] = forced.contains(table.interior(row, column));
			}
			rowTotals[row] = forced.contains(table.row(row));
		}
		for (int column = 0; column < columns; column++) {
			columnTotals[column] = forced.contains(table.column(column));
		}
		return Withheld.of(cells, rowTotals, columnTotals, forced.contains(table.total()));
	}

	/** Notes the keys the table withholds, and the count of each of its keys. */
	private static void collect(Table table, ProtectedTable result, Set<String> withheld, Map<String, Long> counts) {
		CountTable raw = table.counts();
		int rows = result.rows().size();
		if (!result.isTwoWay()) {
			for (int row = 0; row < rows; row++) {
				add(withheld, counts, result.cell(row), table.row(row), raw.count(row));
			}
			add(withheld, counts, result.total(), table.total(), raw.total());
			return;
		}
		for (int row = 0; row < rows; row++) {
			for (int column = 0; column < result.columns().size(); column++) {
				add(withheld, counts, result.cell(row, column), table.interior(row, column), raw.count(row, column));
			}
			add(withheld, counts, result.rowTotal(row), table.row(row), raw.rowTotal(row));
		}
		for (int column = 0; column < result.columns().size(); column++) {
			add(withheld, counts, result.columnTotal(column), table.column(column), raw.columnTotal(column));
		}
		add(withheld, counts, result.total(), table.total(), raw.total());
	}

	private static void add(Set<String> withheld, Map<String, Long> counts, Cell cell, String key, long count) {
		counts.put(key, count);
		if (!cell.released()) {
			withheld.add(key);
		}
	}
}
