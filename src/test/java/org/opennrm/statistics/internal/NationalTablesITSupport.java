package org.opennrm.statistics.internal;

import java.util.Comparator;
import java.util.List;

/** Positions of table cells as lists of labels ({@code [row, column]}, {@code Total} for a margin), and their keys. */
final class NationalTablesITSupport {

	/** Orders positions by their labels. */
	static final Comparator<List<String>> POSITIONS = (a, b) -> String.join("\u0000", a)
		.compareTo(String.join("\u0000", b));

	private NationalTablesITSupport() {
	}

	static String population(Indicator indicator) {
		return NationalTables.population(indicator);
	}

	/** The key {@link LinkedProtection} gives the cell at a position. */
	static String key(LinkedProtection.Table table, List<String> position) {
		if (position.size() == 1) {
			return position.get(0).equals("Total") ? table.total()
					: table.row(table.counts().rows().indexOf(position.get(0)));
		}
		boolean rowTotal = position.get(1).equals("Total");
		boolean columnTotal = position.get(0).equals("Total");
		if (rowTotal && columnTotal) {
			return table.total();
		}
		if (rowTotal) {
			return table.row(table.counts().rows().indexOf(position.get(0)));
		}
		if (columnTotal) {
			return table.column(table.counts().columns().indexOf(position.get(1)));
		}
		return table.interior(table.counts().rows().indexOf(position.get(0)),
				table.counts().columns().indexOf(position.get(1)));
	}
}
