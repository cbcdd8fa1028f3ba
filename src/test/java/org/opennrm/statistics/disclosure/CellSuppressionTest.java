package org.opennrm.statistics.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.opennrm.statistics.disclosure.CellStatus.PRIMARY;
import static org.opennrm.statistics.disclosure.CellStatus.RELEASED;
import static org.opennrm.statistics.disclosure.CellStatus.SECONDARY;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Small tables worked out by hand: what is released, what is withheld and why. */
class CellSuppressionTest {

	static final SuppressionPolicy TEN = SuppressionPolicy.DEFAULT;

	@Test
	void a_one_way_table_with_one_small_category_withholds_the_smallest_other_category_too() {
		CountTable byExploitation = CountTable.oneWay("exploitationType", List.of("Sexual", "Labour", "Criminal", "Other"),
				new long[] { 24, 3, 17, 40 });

		ProtectedTable released = CellSuppression.protect(byExploitation, TEN);

		assertThat(statuses(released)).containsExactly(RELEASED, PRIMARY, SECONDARY, RELEASED);
		assertThat(released.cell(0).count()).hasValue(24);
		assertThat(released.cell(3).count()).hasValue(40);
		assertThat(released.total().count()).hasValue(84);
		assertThat(released.suppressedCount()).isEqualTo(2);
	}

	@Test
	void two_small_categories_protect_each_other_without_a_partner() {
		CountTable byYear = CountTable.oneWay("year", List.of("2023", "2024", "2025"), new long[] { 3, 4, 50 });

		ProtectedTable released = CellSuppression.protect(byYear, TEN);

		assertThat(statuses(released)).containsExactly(PRIMARY, PRIMARY, RELEASED);
		assertThat(released.total().count()).hasValue(57);
	}

	@Test
	void an_empty_category_is_withheld_and_gets_a_non_zero_partner() {
		CountTable bySex = CountTable.oneWay("sex", List.of("Female", "Male", "Unknown"), new long[] { 15, 20, 0 });

		ProtectedTable released = CellSuppression.protect(bySex, TEN);

		assertThat(statuses(released)).containsExactly(SECONDARY, RELEASED, PRIMARY);
		assertThat(released.cell(2).count()).isEmpty();
	}

	@Test
	void empty_categories_that_must_add_up_to_zero_get_a_non_zero_partner() {
		CountTable bySex = CountTable.oneWay("sex", List.of("Female", "Male", "Unknown"), new long[] { 0, 0, 50 });

		ProtectedTable released = CellSuppression.protect(bySex, TEN);

		assertThat(statuses(released)).containsExactly(PRIMARY, PRIMARY, SECONDARY);
		assertThat(released.total().count()).hasValue(50);
	}

	@Test
	void a_two_by_two_table_with_one_small_cell_withholds_a_rectangle_of_four_and_keeps_the_totals() {
		CountTable byAgeAndSex = CountTable.twoWay("ageBand", List.of("Minor", "Adult"), "sex", List.of("Female", "Male"),
				new long[][] { { 3, 20 }, { 25, 30 } });

		ProtectedTable released = CellSuppression.protect(byAgeAndSex, TEN);

		assertThat(released.cell(0, 0).status()).isEqualTo(PRIMARY);
		assertThat(List.of(released.cell(0, 1), released.cell(1, 0), released.cell(1, 1))).extracting(Cell::status)
			.containsOnly(SECONDARY);
		assertThat(released.rowTotal(0).count()).hasValue(23);
		assertThat(released.rowTotal(1).count()).hasValue(55);
		assertThat(released.columnTotal(0).count()).hasValue(28);
		assertThat(released.columnTotal(1).count()).hasValue(50);
		assertThat(released.total().count()).hasValue(78);
		assertThat(released.suppressedCount()).isEqualTo(4);
	}

	@Test
	void a_row_of_zeros_is_hidden_behind_a_non_zero_row_and_its_total() {
		CountTable table = CountTable.twoWay("region", List.of("North", "South", "East"), "sex", List.of("Female", "Male"),
				new long[][] { { 0, 0 }, { 20, 30 }, { 25, 35 } });

		ProtectedTable released = CellSuppression.protect(table, TEN);

		assertThat(List.of(released.cell(0, 0), released.cell(0, 1), released.rowTotal(0))).extracting(Cell::status)
			.containsOnly(PRIMARY);
		assertThat(List.of(released.cell(1, 0), released.cell(1, 1), released.rowTotal(1))).extracting(Cell::status)
			.containsOnly(SECONDARY);
		assertThat(released.cell(2, 0).count()).hasValue(25);
		assertThat(released.columnTotal(0).count()).hasValue(45);
		assertThat(released.total().count()).hasValue(110);
	}

	@Test
	void a_grand_total_below_the_threshold_withholds_every_cell() {
		CountTable table = CountTable.twoWay("ageBand", List.of("Minor", "Adult"), "sex", List.of("Female", "Male"),
				new long[][] { { 1, 2 }, { 3, 0 } });

		ProtectedTable released = CellSuppression.protect(table, TEN);

		assertThat(released.count(PRIMARY)).isEqualTo(9);
		assertThat(released.suppressedCount()).isEqualTo(9);
		assertThat(released.total().count()).isEmpty();
	}

	@Test
	void a_one_way_total_below_the_threshold_withholds_every_category() {
		ProtectedTable released = CellSuppression.protect(CountTable.oneWay("sex", List.of("Female", "Male"),
				new long[] { 4, 5 }), TEN);

		assertThat(statuses(released)).containsOnly(PRIMARY);
		assertThat(released.total().status()).isEqualTo(PRIMARY);
	}

	@Test
	void a_table_without_small_cells_is_released_whole() {
		CountTable table = CountTable.twoWay("ageBand", List.of("Minor", "Adult"), "sex", List.of("Female", "Male"),
				new long[][] { { 10, 12 }, { 40, 11 } });

		ProtectedTable released = CellSuppression.protect(table, TEN);

		assertThat(released.suppressedCount()).isZero();
		assertThat(released.cell(1, 0).count()).hasValue(40);
		assertThat(released.rowTotal(1).count()).hasValue(51);
		assertThat(released.columnTotal(1).count()).hasValue(23);
		assertThat(released.total().count()).hasValue(73);
		assertThat(released.threshold()).isEqualTo(10);
	}

	@Test
	void the_threshold_decides_what_is_small() {
		CountTable table = CountTable.oneWay("sex", List.of("Female", "Male"), new long[] { 5, 30 });

		assertThat(CellSuppression.protect(table, new SuppressionPolicy(5)).suppressedCount()).isZero();
		assertThat(CellSuppression.protect(table, new SuppressionPolicy(6)).suppressedCount()).isEqualTo(2);
	}

	@Test
	void a_threshold_below_two_is_refused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SuppressionPolicy(1)).withMessageContaining("at least 2");
		assertThatIllegalArgumentException().isThrownBy(() -> new SuppressionPolicy(0));
		assertThatIllegalArgumentException().isThrownBy(() -> new SuppressionPolicy(-10));
	}

	@Test
	void a_table_refuses_negative_counts_and_mismatched_shapes() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CountTable.oneWay("sex", List.of("Female", "Male"), new long[] { 5, -1 }));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CountTable.oneWay("sex", List.of("Female", "Male"), new long[] { 5 }));
		assertThatIllegalArgumentException().isThrownBy(() -> CountTable.twoWay("a", List.of("x", "y"), "b",
				List.of("u"), new long[][] { { 1 }, { 2, 3 } }));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CountTable.oneWay("sex", List.of("Male", "Male"), new long[] { 5, 6 }));
		assertThatIllegalArgumentException().isThrownBy(() -> CountTable.oneWay("sex", List.of(), new long[0]));
	}

	@Test
	void totals_are_added_up_from_the_counts() {
		CountTable table = CountTable.twoWay("a", List.of("x", "y"), "b", List.of("u", "v", "w"),
				new long[][] { { 1, 2, 3 }, { 4, 5, 6 } });

		assertThat(table.rowTotal(0)).isEqualTo(6);
		assertThat(table.rowTotal(1)).isEqualTo(15);
		assertThat(table.columnTotal(2)).isEqualTo(9);
		assertThat(table.total()).isEqualTo(21);
		assertThat(table.toString()).doesNotContain("15");
	}

	@Test
	void one_way_and_two_way_cells_are_not_confused() {
		ProtectedTable oneWay = CellSuppression.protect(CountTable.oneWay("sex", List.of("F"), new long[] { 20 }), TEN);

		assertThatIllegalStateException().isThrownBy(() -> oneWay.cell(0, 0));
		assertThatIllegalStateException().isThrownBy(() -> oneWay.rowTotal(0));
		assertThat(oneWay.columnDimension()).isEmpty();
	}

	@Test
	void a_share_is_released_only_if_those_counted_those_not_counted_and_all_are_each_above_the_threshold() {
		assertThat(CellSuppression.protectShare(10, 40, TEN)).hasValue(0.25);
		assertThat(CellSuppression.protectShare(30, 40, TEN)).hasValue(0.75);
		assertThat(CellSuppression.protectShare(9, 40, TEN)).isEmpty();
		assertThat(CellSuppression.protectShare(35, 40, TEN)).isEmpty();
		assertThat(CellSuppression.protectShare(40, 40, TEN)).isEmpty();
		assertThat(CellSuppression.protectShare(0, 0, TEN)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> CellSuppression.protectShare(5, 4, TEN));
	}

	@Test
	void a_summary_over_fewer_persons_than_the_threshold_is_withheld() {
		Duration median = Duration.ofDays(41);

		assertThat(CellSuppression.protectSummary(10, median, TEN)).contains(median);
		assertThat(CellSuppression.protectSummary(9, median, TEN)).isEmpty();
		assertThat(CellSuppression.protectSummary(0, null, TEN)).isEmpty();
	}

	@Test
	void a_released_cell_shows_its_count_and_a_suppressed_one_only_its_reason() {
		assertThat(new Cell(12L, RELEASED).format("c")).isEqualTo("12");
		assertThat(new Cell(null, SECONDARY).format("c")).isEqualTo("c");
		assertThatIllegalArgumentException().isThrownBy(() -> new Cell(3L, PRIMARY));
		assertThatIllegalArgumentException().isThrownBy(() -> new Cell(null, RELEASED));
	}

	private static List<CellStatus> statuses(ProtectedTable oneWay) {
		return java.util.stream.IntStream.range(0, oneWay.categories().size())
			.mapToObj(category -> oneWay.cell(category).status())
			.toList();
	}
}
