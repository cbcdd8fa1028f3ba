package org.opennrm.statistics.internal;

import java.util.ArrayList;
import java.util.List;

import org.opennrm.statistics.disclosure.Cell;
import org.opennrm.statistics.disclosure.ProtectedTable;
import org.opennrm.statistics.disclosure.SuppressionPolicy;
import org.opennrm.statistics.internal.StatisticsQueries.Scope;
import org.opennrm.statistics.internal.StatisticsTable.Row;
import org.opennrm.statistics.internal.StatisticsTable.Value;

/** Turns a protected table into the form the API, the exports and the page show. */
final class TableViews {

	/** The one column of a one-way table. */
	static final String PERSONS = "Persons";

	private TableViews() {
	}

	static StatisticsTable of(Indicator indicator, Scope scope, ProtectedTable table, SuppressionPolicy policy,
			List<StatisticsTable.Summary> summaries) {
		List<Row> rows = new ArrayList<>();
		if (!table.isTwoWay()) {
			for (int category = 0; category < table.rows().size(); category++) {
				rows.add(new Row(table.rows().get(category), List.of(value(table.cell(category))), null));
			}
			return new StatisticsTable(indicator.id(), scope.period().toString(), scope.jurisdiction(),
					policy.threshold(), table.rowDimension(), null, List.of(PERSONS), rows, new Row(StatisticsLabels.TOTAL, List.of(value(table.total())), null),
					summaries.isEmpty() ? null : summaries);
		}
		for (int row = 0; row < table.rows().size(); row++) {
			List<Value> cells = new ArrayList<>();
			for (int column = 0; column < table.columns().size(); column++) {
				cells.add(value(table.cell(row, column)));
			}
			rows.add(new Row(table.rows().get(row), cells, value(table.rowTotal(row))));
		}
		List<Value> columnTotals = new ArrayList<>();
		for (int column = 0; column < table.columns().size(); column++) {
			columnTotals.add(value(table.columnTotal(column)));
		}
		return new StatisticsTable(indicator.id(), scope.period().toString(), scope.jurisdiction(),
				policy.threshold(), table.rowDimension(), table.columnDimension().orElse(null), table.columns(), rows,
				new Row(StatisticsLabels.TOTAL, columnTotals, value(table.total())),
				summaries.isEmpty() ? null : summaries);
	}

	private static Value value(Cell cell) {
		return cell.released() ? Value.of(cell.value()) : Value.suppressed();
	}
}
