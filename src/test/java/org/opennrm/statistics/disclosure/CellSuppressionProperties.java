package org.opennrm.statistics.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.opennrm.statistics.disclosure.TableAttacker.Position;
import org.opennrm.statistics.disclosure.TableAttacker.Q;

/**
 * What holds for every table: generated one-way tables of 1 to 12 categories and two-way tables of 1 to 12 rows
 * by 1 to 8 columns, with counts drawn towards the small numbers that need protecting (zeros included) but also
 * large ones, protected with thresholds from 2 to 20. Sizes are spread evenly instead of jqwik's edge cases
 * (which would make every other table 1 or 2 rows long); small tables still come up, and have examples of their
 * own in {@link CellSuppressionTest}.
 */
class CellSuppressionProperties {

	@Property(edgeCases = EdgeCasesMode.NONE)
	void no_released_cell_or_total_is_below_the_threshold(@ForAll("tables") CountTable table,
			@ForAll @IntRange(min = 2, max = 20) int threshold) {
		ProtectedTable released = CellSuppression.protect(table, new SuppressionPolicy(threshold));

		assertThat(cells(released)).allSatisfy(
				cell -> assertThat(cell.count()).satisfiesAnyOf(count -> assertThat(count).isEmpty(),
						count -> assertThat(count.getAsLong()).isGreaterThanOrEqualTo(threshold)));
	}

	@Property(edgeCases = EdgeCasesMode.NONE)
	void released_counts_are_the_true_counts_and_exactly_the_small_ones_are_primary(
			@ForAll("tables") CountTable table, @ForAll @IntRange(min = 2, max = 20) int threshold) {
		ProtectedTable released = CellSuppression.protect(table, new SuppressionPolicy(threshold));

		TableAttacker attacker = new TableAttacker(released);
		attacker.released().forEach((position, value) -> assertThat(value).isEqualTo(position.in(table)));
		for (Position position : attacker.unknowns()) {
			CellStatus status = cellAt(released, position).status();
			assertThat(status).as("%s", position)
				.isEqualTo(position.in(table) < threshold ? CellStatus.PRIMARY : CellStatus.SECONDARY);
		}
		assertThat(released.suppressedCount()).isEqualTo(attacker.unknowns().size());
	}

	@Property(edgeCases = EdgeCasesMode.NONE)
	void no_suppressed_cell_falls_to_differencing_or_to_counts_being_non_negative(@ForAll("tables") CountTable table,
			@ForAll @IntRange(min = 2, max = 20) int threshold) {
		ProtectedTable released = CellSuppression.protect(table, new SuppressionPolicy(threshold));

		assertThat(new TableAttacker(released).differencing()).as("%s", released).isEmpty();
		Statistics.label("needs secondary suppression").collect(released.count(CellStatus.SECONDARY) > 0)
			.coverage(coverage -> coverage.check(true).percentage(percent -> percent > 40));
	}

	@Property(edgeCases = EdgeCasesMode.NONE)
	void no_suppressed_cell_is_determined_by_any_combination_of_the_adding_up_rules(
			@ForAll("tables") CountTable table, @ForAll @IntRange(min = 2, max = 20) int threshold) {
		ProtectedTable released = CellSuppression.protect(table, new SuppressionPolicy(threshold));

		assertThat(new TableAttacker(released).linearlyDetermined()).as("%s", released).isEmpty();
	}

	@Property(edgeCases = EdgeCasesMode.NONE)
	void no_suppressed_cell_is_pinned_down_even_by_linear_programming(@ForAll("tables") CountTable table,
			@ForAll @IntRange(min = 2, max = 20) int threshold) {
		ProtectedTable released = CellSuppression.protect(table, new SuppressionPolicy(threshold));

		Map<Position, Q[]> intervals = new TableAttacker(released).exactIntervals();

		intervals.forEach((position, interval) -> {
			Q truth = Q.of(position.in(table));
			assertThat(interval[0]).as("lower bound of %s", position).isLessThanOrEqualTo(truth);
			if (interval[1] != null) {
				assertThat(interval[1]).as("upper bound of %s", position).isGreaterThanOrEqualTo(truth);
			}
			assertThat(interval[0]).as("%s pinned down in %s", position, released).isNotEqualTo(interval[1]);
		});
	}

	@Property(edgeCases = EdgeCasesMode.NONE)
	void the_same_table_is_always_protected_the_same_way(@ForAll("tables") CountTable table,
			@ForAll @IntRange(min = 2, max = 20) int threshold) {
		SuppressionPolicy policy = new SuppressionPolicy(threshold);

		ProtectedTable first = CellSuppression.protect(table, policy);
		ProtectedTable second = CellSuppression.protect(copyOf(table), policy);

		assertThat(second).isEqualTo(first).hasSameHashCodeAs(first);
		assertThat(second.toString()).isEqualTo(first.toString());
	}

	@Property(edgeCases = EdgeCasesMode.NONE)
	void a_table_without_small_cells_is_released_whole(@ForAll("largeTables") CountTable table,
			@ForAll @IntRange(min = 2, max = 20) int threshold) {
		assertThat(CellSuppression.protect(table, new SuppressionPolicy(threshold)).suppressedCount()).isZero();
	}

	@Provide
	Arbitrary<CountTable> tables() {
		return Arbitraries.frequencyOf(Tuple.of(1, oneWayTables()), Tuple.of(3, twoWayTables()));
	}

	@Provide
	Arbitrary<CountTable> largeTables() {
		Arbitrary<Long> large = Arbitraries.longs().between(20, 100_000);
		return Arbitraries.oneOf(oneWay(large), twoWay(large));
	}

	Arbitrary<CountTable> oneWayTables() {
		return profiles().flatMap(this::oneWay);
	}

	Arbitrary<CountTable> twoWayTables() {
		return profiles().flatMap(this::twoWay);
	}

	Arbitrary<CountTable> oneWay(Arbitrary<Long> counts) {
		return sizes(12).flatMap(size -> counts.list().ofSize(size)
			.map(list -> CountTable.oneWay("category", labels("c", size), toArray(list))));
	}

	Arbitrary<CountTable> twoWay(Arbitrary<Long> counts) {
		return Combinators.combine(sizes(12), sizes(8))
			.as(Tuple::of)
			.flatMap(shape -> counts.list().ofSize(shape.get1() * shape.get2()).map(list -> {
				long[][] grid = new long[shape.get1()][shape.get2()];
				for (int row = 0; row < shape.get1(); row++) {
					for (int column = 0; column < shape.get2(); column++) {
						grid[row][column] = list.get(row * shape.get2() + column);
					}
				}
				return CountTable.twoWay("row", labels("r", shape.get1()), "column", labels("c", shape.get2()), grid);
			}));
	}

	/** Sizes spread evenly, so that large tables are as frequent as small ones. */
	static Arbitrary<Integer> sizes(int largest) {
		return Arbitraries.integers().between(1, largest).withDistribution(RandomDistribution.uniform());
	}

	/** Per table, a mix of counts: sparse and small, mixed, mostly large, or large with a few small ones. */
	Arbitrary<Arbitrary<Long>> profiles() {
		Arbitrary<Long> zero = Arbitraries.just(0L);
		Arbitrary<Long> small = Arbitraries.longs().between(1, 20);
		Arbitrary<Long> medium = Arbitraries.longs().between(21, 200);
		Arbitrary<Long> large = Arbitraries.longs().between(201, 5_000_000);
		Arbitrary<Long> sparse = Arbitraries.frequencyOf(Tuple.of(4, zero), Tuple.of(5, small), Tuple.of(2, medium),
				Tuple.of(1, large));
		Arbitrary<Long> mixed = Arbitraries.frequencyOf(Tuple.of(2, zero), Tuple.of(4, small), Tuple.of(4, medium),
				Tuple.of(2, large));
		Arbitrary<Long> mostlyLarge = Arbitraries.frequencyOf(Tuple.of(1, zero), Tuple.of(1, small),
				Tuple.of(5, medium), Tuple.of(3, large));
		Arbitrary<Long> fewSmall = Arbitraries.frequencyOf(Tuple.of(1, zero), Tuple.of(1, small), Tuple.of(10, medium),
				Tuple.of(5, large));
		return Arbitraries.of(sparse, mixed, mostlyLarge, fewSmall);
	}

	static List<String> labels(String prefix, int size) {
		return IntStream.range(0, size).mapToObj(index -> prefix + index).toList();
	}

	static long[] toArray(List<Long> counts) {
		return counts.stream().mapToLong(Long::longValue).toArray();
	}

	static CountTable copyOf(CountTable table) {
		if (!table.isTwoWay()) {
			long[] counts = IntStream.range(0, table.rows().size()).mapToLong(table::count).toArray();
			return CountTable.oneWay(table.rowDimension(), new ArrayList<>(table.rows()), counts);
		}
		long[][] counts = new long[table.rows().size()][table.columns().size()];
		for (int row = 0; row < counts.length; row++) {
			for (int column = 0; column < counts[row].length; column++) {
				counts[row][column] = table.count(row, column);
			}
		}
		return CountTable.twoWay(table.rowDimension(), table.rows(), table.columnDimension().orElseThrow(),
				table.columns(), counts);
	}

	static List<Cell> cells(ProtectedTable table) {
		List<Cell> cells = new ArrayList<>();
		if (table.isTwoWay()) {
			for (int row = 0; row < table.rows().size(); row++) {
				for (int column = 0; column < table.columns().size(); column++) {
					cells.add(table.cell(row, column));
				}
				cells.add(table.rowTotal(row));
			}
			for (int column = 0; column < table.columns().size(); column++) {
				cells.add(table.columnTotal(column));
			}
		}
		else {
			for (int category = 0; category < table.categories().size(); category++) {
				cells.add(table.cell(category));
			}
		}
		cells.add(table.total());
		return cells;
	}

	static Cell cellAt(ProtectedTable table, Position position) {
		return switch (position.kind()) {
			case INTERIOR -> table.isTwoWay() ? table.cell(position.row(), position.column()) : table.cell(position.row());
			case ROW_TOTAL -> table.rowTotal(position.row());
			case COLUMN_TOTAL -> table.columnTotal(position.column());
			case TOTAL -> table.total();
		};
	}
}
