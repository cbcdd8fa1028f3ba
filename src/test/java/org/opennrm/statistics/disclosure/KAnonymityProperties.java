package org.opennrm.statistics.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * What holds for every population: generated record sets of up to 400 persons around a few typical profiles,
 * with rare values and unknowns, anonymised with k from 2 to 15 and 0 to 10 % of the records allowed to be
 * dropped.
 */
class KAnonymityProperties {

	static final Map<QuasiIdentifier, Generalisation> HIERARCHIES = KAnonymity
		.defaultHierarchies(Generalisation.ownCountryEuOrOther("NL"));

	@Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
	void every_released_combination_of_quasi_identifiers_occurs_at_least_k_times(
			@ForAll("populations") List<ExportRecord> population, @ForAll @IntRange(min = 2, max = 15) int k,
			@ForAll @DoubleRange(min = 0, max = 0.1) double share) {
		KAnonymousRelease release = anonymise(population, k, share);

		Map<List<String>, Integer> groups = new HashMap<>();
		for (ExportRecord record : release.records()) {
			groups.merge(quasiIdentifiers(record), 1, Integer::sum);
		}
		assertThat(groups).allSatisfy((values, size) -> assertThat(size).as("%s", values).isGreaterThanOrEqualTo(k));
		Statistics.label("generalised").collect(release.levels().values().stream().anyMatch(level -> level > 0))
			.coverage(coverage -> {
				coverage.check(true).percentage(percent -> percent > 30);
				coverage.check(false).percentage(percent -> percent > 10);
			});
		Statistics.label("records dropped").collect(release.suppressedRecords() > 0)
			.coverage(coverage -> coverage.check(true).percentage(percent -> percent > 20));
	}

	@Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
	void released_records_are_input_records_generalised_in_their_order_and_none_is_invented(
			@ForAll("populations") List<ExportRecord> population, @ForAll @IntRange(min = 2, max = 15) int k,
			@ForAll @DoubleRange(min = 0, max = 0.1) double share) {
		KAnonymousRelease release = anonymise(population, k, share);

		int next = 0;
		for (ExportRecord released : release.records()) {
			while (next < population.size() && !generalises(population.get(next), released, release.levels())) {
				next++;
			}
			assertThat(next).as("an input record for %s", released).isLessThan(population.size());
			next++;
		}
		assertThat(release.records().size() + release.suppressedRecords()).isEqualTo(population.size());
	}

	@Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
	void at_most_the_allowed_share_is_dropped_unless_there_are_fewer_than_k_records(
			@ForAll("populations") List<ExportRecord> population, @ForAll @IntRange(min = 2, max = 15) int k,
			@ForAll @DoubleRange(min = 0, max = 0.1) double share) {
		KAnonymousRelease release = anonymise(population, k, share);

		if (population.size() >= k) {
			assertThat(release.suppressedRecords()).isLessThanOrEqualTo((int) Math.floor(population.size() * share));
		}
		else {
			assertThat(release.records()).isEmpty();
		}
	}

	@Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
	void the_same_population_is_always_anonymised_the_same_way(@ForAll("populations") List<ExportRecord> population,
			@ForAll @IntRange(min = 2, max = 15) int k) {
		assertThat(anonymise(List.copyOf(population), k, 0.05)).isEqualTo(anonymise(population, k, 0.05));
	}

	static final String[] SEXES = { "Female", "Male", "Unknown" };

	static final String[] AGE_BANDS = { "18--20", "21--23", "24--26", "9--17", "27--29", "30--38", "0--8", "39--47",
			"48+", "Unknown" };

	static final String[] CITIZENSHIPS = { "NL", "RO", "NG", "BG", "VN", "PL", "UA", "AL", "ER", "CN", "Unknown" };

	static final String[] EXPLOITATION_TYPES = { "Sexual", "Labour", "SexAndLabour", "Criminal", "ForcedMarriage",
			"Other", "Unknown" };

	static final String[] YEARS = { "2024", "2023", "2022", "2021", "2019", "2015", "Unknown" };

	/**
	 * Populations as real ones look: a few typical profiles (1 to 12, drawn towards the common values), each
	 * record one of them with every value changed at random with a probability from 0 to 60 %. The records
	 * themselves come from a seeded random generator, which keeps generating 400 records cheap.
	 */
	@Provide
	Arbitrary<List<ExportRecord>> populations() {
		Arbitrary<ExportRecord> profile = Combinators
			.combine(skewed(SEXES), skewed(AGE_BANDS), skewed(CITIZENSHIPS), skewed(EXPLOITATION_TYPES), skewed(YEARS))
			.as(ExportRecord::new);
		Arbitrary<List<ExportRecord>> profiles = profile.list().ofMinSize(1).ofMaxSize(12);
		Arbitrary<Integer> size = Arbitraries.integers().between(0, 400).withDistribution(RandomDistribution.uniform());
		Arbitrary<Double> noise = Arbitraries.of(0.0, 0.02, 0.1, 0.3, 0.6);
		return Combinators.combine(profiles, size, noise, Arbitraries.longs())
			.as((typical, count, change, seed) -> {
				Random random = new Random(seed);
				List<ExportRecord> population = new ArrayList<>(count);
				for (int i = 0; i < count; i++) {
					ExportRecord record = typical.get(random.nextInt(typical.size()));
					population.add(new ExportRecord(vary(record.sex(), SEXES, change, random),
							vary(record.ageBand(), AGE_BANDS, change, random),
							vary(record.citizenship(), CITIZENSHIPS, change, random),
							vary(record.exploitationType(), EXPLOITATION_TYPES, change, random),
							vary(record.year(), YEARS, change, random),
							Map.of("outcome", OUTCOMES[random.nextInt(OUTCOMES.length)])));
				}
				return population;
			});
	}

	static final String[] OUTCOMES = { "Identified", "Not identified", "Pending" };

	static String vary(String value, String[] values, double change, Random random) {
		return random.nextDouble() < change ? values[random.nextInt(values.length)] : value;
	}

	/** Values of which the first are common and the last rare. */
	static Arbitrary<String> skewed(String... values) {
		return Arbitraries.integers().between(0, values.length - 1)
			.withDistribution(RandomDistribution.biased())
			.map(index -> values[index]);
	}

	static KAnonymousRelease anonymise(List<ExportRecord> population, int k, double share) {
		return new KAnonymity(new KAnonymityPolicy(k, share), HIERARCHIES).anonymise(population);
	}

	static List<String> quasiIdentifiers(ExportRecord record) {
		return List.of(record.sex(), record.ageBand(), record.citizenship(), record.exploitationType(), record.year());
	}

	/** Whether a released record is the input record with each quasi-identifier at the reported level. */
	static boolean generalises(ExportRecord input, ExportRecord released, Map<QuasiIdentifier, Integer> levels) {
		for (QuasiIdentifier q : QuasiIdentifier.values()) {
			if (!HIERARCHIES.get(q).generalise(input.get(q), levels.get(q)).equals(released.get(q))) {
				return false;
			}
		}
		return input.payload().equals(released.payload());
	}
}
