package org.opennrm.statistics.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * k-anonymity for a record-level export: every released record looks, on its quasi-identifiers, exactly like at
 * least k&minus;1 other released records, so that somebody who knows a person's sex, age, citizenship, form of
 * exploitation and year cannot tell which record is theirs.
 * <p>
 * <b>How.</b> Each quasi-identifier has a generalisation hierarchy (age band, then minor or adult, then withheld;
 * see {@link Generalisation}). A choice of one level per quasi-identifier is a node of the generalisation
 * lattice. For each node, the records are grouped by their generalised quasi-identifiers; records in groups
 * smaller than k would have to be dropped. Among the nodes that drop at most the policy's share of the records
 * (5 % by default), the one that generalises least is taken (the sum over the quasi-identifiers of level divided
 * by top level), then the one that drops fewest records, then the first in the lattice's order. If no node
 * stays within the share (fewer than k records in all, say), the node that drops fewest records is taken. The
 * records of the groups still smaller than k are then dropped. The lattice is small (162 nodes with the default
 * hierarchies) and searched completely over the distinct combinations of the input (each value generalised
 * once per level), so the choice is optimal for this measure and deterministic.
 * <p>
 * <b>Not covered.</b> k-anonymity does not stop the payload from giving something away: if everybody in a group
 * shares a sensitive value, it is disclosed for all of them (l-diversity is not checked). Releases of the same
 * population with different hierarchies or at different times can be combined against each other.
 */
public final class KAnonymity {

	private final KAnonymityPolicy policy;

	private final Map<QuasiIdentifier, Generalisation> hierarchies;

	/**
	 * @param policy k and the share of records that may be dropped
	 * @param hierarchies a generalisation hierarchy for every quasi-identifier
	 */
	public KAnonymity(KAnonymityPolicy policy, Map<QuasiIdentifier, Generalisation> hierarchies) {
		this.policy = Objects.requireNonNull(policy, "policy");
		this.hierarchies = new EnumMap<>(QuasiIdentifier.class);
		for (QuasiIdentifier quasiIdentifier : QuasiIdentifier.values()) {
			Generalisation hierarchy = hierarchies.get(quasiIdentifier);
			if (hierarchy == null || hierarchy.topLevel() < 1) {
				throw new IllegalArgumentException("No generalisation hierarchy for " + quasiIdentifier);
			}
			this.hierarchies.put(quasiIdentifier, hierarchy);
		}
	}

	/**
	 * The default hierarchies: sex recorded or withheld; CTDC age band, minor or adult; citizenship, the caller's
	 * region; type of exploitation, sexual or labour versus other; year, five-year period. Each then withheld.
	 * @param citizenshipRegion the region of an ISO alpha-2 code, for example
	 *        {@link Generalisation#ownCountryEuOrOther(String)}
	 */
	public static Map<QuasiIdentifier, Generalisation> defaultHierarchies(Function<String, String> citizenshipRegion) {
		Map<QuasiIdentifier, Generalisation> hierarchies = new EnumMap<>(QuasiIdentifier.class);
		hierarchies.put(QuasiIdentifier.SEX, Generalisation.recordedOrSuppressed());
		hierarchies.put(QuasiIdentifier.AGE_BAND, Generalisation.ageBand());
		hierarchies.put(QuasiIdentifier.CITIZENSHIP, Generalisation.citizenship(citizenshipRegion));
		hierarchies.put(QuasiIdentifier.EXPLOITATION_TYPE, Generalisation.exploitationType());
		hierarchies.put(QuasiIdentifier.YEAR, Generalisation.year(5));
		return hierarchies;
	}

	/** k-anonymity with the {@link #defaultHierarchies(Function) default hierarchies}. */
	public static KAnonymity withDefaultHierarchies(KAnonymityPolicy policy,
			Function<String, String> citizenshipRegion) {
		return new KAnonymity(policy, defaultHierarchies(citizenshipRegion));
	}

	/** The policy in force. */
	public KAnonymityPolicy policy() {
		return this.policy;
	}

	/**
	 * Generalises and drops records until every released record has at least k&minus;1 look-alikes.
	 * @param records the records to release, not changed
	 * @throws IllegalArgumentException if a value cannot be generalised by its hierarchy
	 */
	public KAnonymousRelease anonymise(List<ExportRecord> records) {
		QuasiIdentifier[] attributes = QuasiIdentifier.values();
		Lattice lattice = new Lattice(records, attributes);
		long scale = 1;
		for (int a = 0; a < attributes.length; a++) {
			scale = lcm(scale, lattice.top[a]);
		}
		int budget = this.policy.suppressionBudget(records.size());
		int[] best = null;
		long bestLoss = 0;
		int bestDropped = 0;
		boolean bestWithinBudget = false;
		int[] node = new int[attributes.length];
		do {
			int dropped = lattice.dropped(node, this.policy.k());
			long loss = 0;
			for (int a = 0; a < attributes.length; a++) {
				loss += node[a] * (scale / lattice.top[a]);
			}
			boolean withinBudget = dropped <= budget;
			boolean better;
			if (best == null || withinBudget != bestWithinBudget) {
				better = best == null || withinBudget;
			}
			else if (withinBudget) {
				better = loss < bestLoss || (loss == bestLoss && dropped < bestDropped);
			}
			else {
				better = dropped < bestDropped || (dropped == bestDropped && loss < bestLoss);
			}
			if (better) {
				best = node.clone();
				bestLoss = loss;
				bestDropped = dropped;
				bestWithinBudget = withinBudget;
			}
		}
		while (next(node, lattice.top));
		return release(records, attributes, best);
	}

	private KAnonymousRelease release(List<ExportRecord> records, QuasiIdentifier[] attributes, int[] levels) {
		List<ExportRecord> generalised = new ArrayList<>(records.size());
		Map<List<String>, Integer> groups = new HashMap<>();
		for (ExportRecord record : records) {
			ExportRecord general = record;
			for (int a = 0; a < attributes.length; a++) {
				general = general.with(attributes[a], generalise(attributes[a], record.get(attributes[a]), levels[a]));
			}
			generalised.add(general);
			groups.merge(tuple(general, attributes), 1, Integer::sum);
		}
		List<ExportRecord> released = new ArrayList<>();
		for (ExportRecord record : generalised) {
			if (groups.get(tuple(record, attributes)) >= this.policy.k()) {
				released.add(record);
			}
		}
		Map<QuasiIdentifier, Integer> chosen = new EnumMap<>(QuasiIdentifier.class);
		for (int a = 0; a < attributes.length; a++) {
			chosen.put(attributes[a], levels[a]);
		}
		return new KAnonymousRelease(released, chosen, records.size() - released.size(), this.policy.k());
	}

	/**
	 * The input reduced to what the search needs: the distinct combinations of recorded values with their number
	 * of records, and for each quasi-identifier and level a number for the generalised value of each recorded one,
	 * so that grouping at a node compares numbers instead of generalising strings again.
	 */
	private final class Lattice {

		final int[] top;

		/** {@code codes[a][level][value]}: the generalised value, numbered, of the value-th distinct value of a. */
		final int[][][] codes;

		/** Distinct combinations of recorded values, as indexes into the distinct values of each attribute. */
		final List<int[]> combinations = new ArrayList<>();

		final List<Integer> counts = new ArrayList<>();

		/** Whether the product of the numbers of distinct values of all attributes fits in a long. */
		final boolean packable;

		Lattice(List<ExportRecord> records, QuasiIdentifier[] attributes) {
			this.top = new int[attributes.length];
			this.codes = new int[attributes.length][][];
			List<Map<String, Integer>> distinctValues = new ArrayList<>();
			for (QuasiIdentifier attribute : attributes) {
				distinctValues.add(new LinkedHashMap<>());
			}
			Map<List<Integer>, Integer> distinct = new LinkedHashMap<>();
			for (ExportRecord record : records) {
				List<Integer> combination = new ArrayList<>(attributes.length);
				for (int a = 0; a < attributes.length; a++) {
					Map<String, Integer> values = distinctValues.get(a);
					combination.add(values.computeIfAbsent(record.get(attributes[a]), value -> values.size()));
				}
				distinct.merge(combination, 1, Integer::sum);
			}
			distinct.forEach((combination, count) -> {
				this.combinations.add(combination.stream().mapToInt(Integer::intValue).toArray());
				this.counts.add(count);
			});
			for (int a = 0; a < attributes.length; a++) {
				this.top[a] = KAnonymity.this.hierarchies.get(attributes[a]).topLevel();
				List<String> values = new ArrayList<>(distinctValues.get(a).keySet());
				this.codes[a] = new int[this.top[a] + 1][values.size()];
				for (int level = 0; level <= this.top[a]; level++) {
					Map<String, Integer> numbers = new HashMap<>();
					for (int v = 0; v < values.size(); v++) {
						String general = generalise(attributes[a], values.get(v), level);
						this.codes[a][level][v] = numbers.computeIfAbsent(general, value -> numbers.size());
					}
				}
			}
			this.packable = fitsInLong(this.codes);
		}

		/** How many records fall in groups smaller than k at a node of the lattice. */
		int dropped(int[] node, int k) {
			Map<Object, Integer> groups = new HashMap<>();
			for (int c = 0; c < this.combinations.size(); c++) {
				groups.merge(key(this.combinations.get(c), node), this.counts.get(c), Integer::sum);
			}
			int dropped = 0;
			for (int size : groups.values()) {
				if (size < k) {
					dropped += size;
				}
			}
			return dropped;
		}

		/** The generalised values as one number when every combination fits in a long (as in practice), else a list. */
		private Object key(int[] combination, int[] node) {
			if (this.packable) {
				long packed = 0;
				for (int a = 0; a < combination.length; a++) {
					packed = packed * this.codes[a][0].length + this.codes[a][node[a]][combination[a]];
				}
				return packed;
			}
			Integer[] key = new Integer[combination.length];
			for (int a = 0; a < combination.length; a++) {
				key[a] = this.codes[a][node[a]][combination[a]];
			}
			return Arrays.asList(key);
		}
	}

	private static boolean fitsInLong(int[][][] codes) {
		long product = 1;
		for (int[][] levels : codes) {
			if (levels[0].length > 0 && product > Long.MAX_VALUE / levels[0].length) {
				return false;
			}
			product *= Math.max(1, levels[0].length);
		}
		return true;
	}

	private String generalise(QuasiIdentifier attribute, String value, int level) {
		String general = this.hierarchies.get(attribute).generalise(value, level);
		if (general == null) {
			throw new IllegalArgumentException("The hierarchy of " + attribute + " gives no level-" + level
					+ " value for " + value);
		}
		return general;
	}

	private static List<String> tuple(ExportRecord record, QuasiIdentifier[] attributes) {
		List<String> values = new ArrayList<>(attributes.length);
		for (QuasiIdentifier attribute : attributes) {
			values.add(record.get(attribute));
		}
		return values;
	}

	/** The next node in lexicographic order (last attribute fastest); false after the last. */
	private static boolean next(int[] node, int[] top) {
		for (int a = node.length - 1; a >= 0; a--) {
			if (node[a] < top[a]) {
				node[a]++;
				return true;
			}
			node[a] = 0;
		}
		return false;
	}

	private static long lcm(long a, long b) {
		long x = a;
		long y = b;
		while (y != 0) {
			long t = x % y;
			x = y;
			y = t;
		}
		return a / x * b;
	}
}
