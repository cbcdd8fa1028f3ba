package org.opennrm.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.opennrm.statistics.disclosure.Cell;
import org.opennrm.statistics.disclosure.ProtectedTable;

/**
 * Someone who holds every release of a year at once: each national table, the Eurostat release. They know that each
 * table adds up along its rows and columns, that the same count shown in two tables is the same number, and that
 * counts are never negative; they solve for the withheld counts exactly (Gaussian elimination modulo a large prime,
 * which decides the rank of these integer systems like the rationals do, barring a negligible chance).
 */
final class JointAttacker {

	private static final long PRIME = 1_000_000_007L;

	/** Counts by key: known (released somewhere) or unknown (withheld everywhere it shows). */
	private final Map<String, Long> known = new HashMap<>();

	private final Set<String> unknown = new TreeSet<>();

	/** Each equation: coefficients by key, summing to zero. */
	private final List<Map<String, Integer>> equations = new ArrayList<>();

	/** Learns a table: its released cells and its row, column and total equations. */
	void learn(String name, ProtectedTable table, Function<List<String>, String> keys) {
		Map<List<String>, Cell> cells = NationalTablesIT.cells(table);
		cells.forEach((position, cell) -> {
			String key = keys.apply(position);
			if (cell.released()) {
				Long before = this.known.put(key, cell.value());
				assertThat(before == null || before.equals(cell.value())).as("%s shown twice differently", key).isTrue();
			}
			else {
				this.unknown.add(key);
			}
		});
		if (!table.isTwoWay()) {
			Map<String, Integer> sum = new LinkedHashMap<>();
			table.rows().forEach(category -> sum.merge(keys.apply(List.of(category)), 1, Integer::sum));
			sum.merge(keys.apply(List.of("Total")), -1, Integer::sum);
			this.equations.add(sum);
			return;
		}
		for (String row : table.rows()) {
			Map<String, Integer> sum = new LinkedHashMap<>();
			table.columns().forEach(column -> sum.merge(keys.apply(List.of(row, column)), 1, Integer::sum));
			sum.merge(keys.apply(List.of(row, "Total")), -1, Integer::sum);
			this.equations.add(sum);
		}
		for (String column : table.columns()) {
			Map<String, Integer> sum = new LinkedHashMap<>();
			table.rows().forEach(row -> sum.merge(keys.apply(List.of(row, column)), 1, Integer::sum));
			sum.merge(keys.apply(List.of("Total", column)), -1, Integer::sum);
			this.equations.add(sum);
		}
		Map<String, Integer> total = new LinkedHashMap<>();
		table.rows().forEach(row -> total.merge(keys.apply(List.of(row, "Total")), 1, Integer::sum));
		total.merge(keys.apply(List.of("Total", "Total")), -1, Integer::sum);
		this.equations.add(total);
	}

	/** Learns that a count is the sum of others. */
	void learnSum(String sum, List<String> parts) {
		Map<String, Integer> equation = new LinkedHashMap<>();
		parts.forEach(part -> equation.merge(part, 1, Integer::sum));
		equation.merge(sum, -1, Integer::sum);
		this.equations.add(equation);
		parts.stream().filter(part -> !this.known.containsKey(part)).forEach(this.unknown::add);
		if (!this.known.containsKey(sum)) {
			this.unknown.add(sum);
		}
	}

	/** Learns the Eurostat release: each observation is the national cell of the same categories. */
	void learnEurostat(EurostatTables.Release release) {
		Map<String, String> sexes = Map.of("F", "Female", "M", "Male", "UNK", "OtherOrUnknown");
		for (EurostatTables.Observation observation : release.observations()) {
			String dimension = observation.age() != null ? "majority"
					: observation.citizen() != null ? "citizenshipGroup" : "exploitation";
			String code = observation.age() != null ? observation.age()
					: observation.citizen() != null ? observation.citizen() : observation.exploitation();
			String category = Map.of("Y_LT18", "Minor", "Y_GE18", "Adult", "NAT", "Own", "EU27_2020_FOR", "EU",
					"NEU27_2020_FOR", "NonEU", "SEX_EXP", "Sexual", "LAB_EXP", "Labour", "OTH", "Other", "UNK",
					"Unknown")
				.get(code);
			String key = "V" + (observation.sex().equals("T") ? "" : "|sex=" + sexes.get(observation.sex()))
					+ (code.equals("TOTAL") ? "" : "|" + dimension + "=" + category);
			if (observation.value() != null) {
				Long before = this.known.put(key, observation.value());
				assertThat(before == null || before.equals(observation.value())).as("Eurostat %s", key).isTrue();
			}
			else if (!this.known.containsKey(key)) {
				this.unknown.add(key);
			}
		}
	}

	/** How many counts are withheld everywhere. */
	long unknowns() {
		return this.unknown.stream().filter(key -> !this.known.containsKey(key)).count();
	}

	/** The withheld counts that can be worked out, each with how. */
	Map<String, String> recovered() {
		Map<String, String> recovered = new LinkedHashMap<>();
		this.unknown.stream()
			.filter(this.known::containsKey)
			.forEach(key -> recovered.put(key, "withheld in one release, shown in another"));
		List<String> variables = this.unknown.stream().filter(key -> !this.known.containsKey(key)).toList();
		Map<String, Integer> column = new HashMap<>();
		for (int i = 0; i < variables.size(); i++) {
			column.put(variables.get(i), i);
		}
		List<long[]> rows = new ArrayList<>();
		for (Map<String, Integer> equation : this.equations) {
			long[] row = new long[variables.size()];
			long constant = 0;
			boolean sameSign = true;
			int sign = 0;
			for (Map.Entry<String, Integer> term : equation.entrySet()) {
				Integer index = column.get(term.getKey());
				if (index == null) {
					constant += term.getValue() * this.known.getOrDefault(term.getKey(), 0L);
				}
				else {
					row[index] = Math.floorMod(term.getValue(), PRIME);
					sameSign &= sign == 0 || Integer.signum(term.getValue()) == sign;
					sign = Integer.signum(term.getValue());
				}
			}
			if (sign != 0 && sameSign && constant == 0) {
				equation.keySet().stream().filter(column::containsKey)
					.forEach(key -> recovered.put(key, "never negative, and withheld cells adding up to 0"));
			}
			rows.add(row);
		}
		// Reduced row echelon form modulo the prime: a variable is determined when its pivot row has no other entry.
		int pivotRow = 0;
		List<Integer> pivots = new ArrayList<>();
		for (int col = 0; col < variables.size() && pivotRow < rows.size(); col++) {
			int found = -1;
			for (int r = pivotRow; r < rows.size(); r++) {
				if (rows.get(r)[col] != 0) {
					found = r;
					break;
				}
			}
			if (found < 0) {
				continue;
			}
			long[] swap = rows.get(found);
			rows.set(found, rows.get(pivotRow));
			rows.set(pivotRow, swap);
			long inverse = inverse(swap[col]);
			for (int c = 0; c < swap.length; c++) {
				swap[c] = swap[c] * inverse % PRIME;
			}
			for (int r = 0; r < rows.size(); r++) {
				long[] other = rows.get(r);
				if (r != pivotRow && other[col] != 0) {
					long factor = other[col];
					for (int c = 0; c < other.length; c++) {
						other[c] = Math.floorMod(other[c] - factor * swap[c] % PRIME, PRIME);
					}
				}
			}
			pivots.add(col);
			pivotRow++;
		}
		for (int r = 0; r < pivots.size(); r++) {
			long[] row = rows.get(r);
			long nonZero = java.util.Arrays.stream(row).filter(value -> value != 0).count();
			if (nonZero == 1) {
				recovered.put(variables.get(pivots.get(r)), "by differencing released counts");
			}
		}
		return recovered;
	}

	private static long inverse(long value) {
		long result = 1;
		long base = value % PRIME;
		long exponent = PRIME - 2;
		while (exponent > 0) {
			if ((exponent & 1) == 1) {
				result = result * base % PRIME;
			}
			base = base * base % PRIME;
			exponent >>= 1;
		}
		return result;
	}
}
