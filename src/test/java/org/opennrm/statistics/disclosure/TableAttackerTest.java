package org.opennrm.statistics.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opennrm.statistics.disclosure.TableAttacker.Position;

/**
 * The attacker of the property tests is only as good as it is sharp: on tables withheld naively it must find
 * what a person with a calculator would.
 */
class TableAttackerTest {

	static final SuppressionPolicy TEN = SuppressionPolicy.DEFAULT;

	@Test
	void a_single_withheld_category_is_the_total_minus_the_others() {
		ProtectedTable naive = oneWay(new Cell[] { Cell.released(24), Cell.suppressed(CellStatus.PRIMARY),
				Cell.released(40) }, Cell.released(67));

		TableAttacker attacker = new TableAttacker(naive);

		assertThat(attacker.differencing()).containsEntry(Position.interior(1, 0), 3L);
		assertThat(attacker.linearlyDetermined()).containsExactly(Position.interior(1, 0));
		assertThat(attacker.exactlyDetermined()).containsExactly(Position.interior(1, 0));
	}

	@Test
	void withheld_categories_that_must_add_up_to_zero_are_all_zero() {
		ProtectedTable naive = oneWay(new Cell[] { Cell.suppressed(CellStatus.PRIMARY),
				Cell.suppressed(CellStatus.PRIMARY), Cell.released(50) }, Cell.released(50));

		TableAttacker attacker = new TableAttacker(naive);

		assertThat(attacker.differencing()).containsEntry(Position.interior(0, 0), 0L)
			.containsEntry(Position.interior(1, 0), 0L);
		assertThat(attacker.linearlyDetermined()).isEmpty();
		assertThat(attacker.exactlyDetermined()).containsExactlyInAnyOrder(Position.interior(0, 0),
				Position.interior(1, 0));
	}

	@Test
	void two_withheld_categories_with_a_positive_sum_stay_hidden() {
		ProtectedTable protectedTable = oneWay(new Cell[] { Cell.suppressed(CellStatus.PRIMARY),
				Cell.suppressed(CellStatus.PRIMARY), Cell.released(50) }, Cell.released(57));

		TableAttacker attacker = new TableAttacker(protectedTable);

		assertThat(attacker.differencing()).isEmpty();
		assertThat(attacker.linearlyDetermined()).isEmpty();
		assertThat(attacker.exactlyDetermined()).isEmpty();
	}

	@Test
	void zeros_hidden_by_rows_and_columns_are_found_by_linear_programming_though_no_single_line_gives_them_away() {
		// Rows 0 and 1 add up to 20 + 30 = 50, as much as column 0 holds outside row 2: so the withheld cells of
		// rows 0 and 1 in column 1 are 0, although column 1 also holds a withheld non-zero cell.
		CountTable table = CountTable.twoWay("r", List.of("r0", "r1", "r2"), "c", List.of("c0", "c1"),
				new long[][] { { 20, 0 }, { 30, 0 }, { 40, 25 } });
		Cell hidden = Cell.suppressed(CellStatus.SECONDARY);
		Cell zero = Cell.suppressed(CellStatus.PRIMARY);
		ProtectedTable naive = new ProtectedTable(table, TEN,
				new Cell[][] { { hidden, zero }, { hidden, zero }, { Cell.released(40), hidden } },
				new Cell[] { Cell.released(20), Cell.released(30), hidden },
				new Cell[] { Cell.released(90), Cell.released(25) }, Cell.released(115));

		TableAttacker attacker = new TableAttacker(naive);

		assertThat(attacker.exactlyDetermined()).contains(Position.interior(0, 1), Position.interior(1, 1));
		assertThat(CellSuppression.protect(table, TEN).suppressedCount()).isGreaterThan(0);
		assertThat(new TableAttacker(CellSuppression.protect(table, TEN)).exactlyDetermined()).isEmpty();
	}

	private static ProtectedTable oneWay(Cell[] categories, Cell total) {
		Cell[][] cells = new Cell[categories.length][];
		long[] counts = new long[categories.length];
		for (int category = 0; category < categories.length; category++) {
			cells[category] = new Cell[] { categories[category] };
		}
		CountTable shape = CountTable.oneWay("d", CellSuppressionProperties.labels("c", categories.length), counts);
		return new ProtectedTable(shape, TEN, cells, new Cell[0], new Cell[0], total);
	}
}
