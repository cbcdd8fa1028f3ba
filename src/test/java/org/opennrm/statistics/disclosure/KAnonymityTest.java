package org.opennrm.statistics.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.opennrm.statistics.disclosure.QuasiIdentifier.AGE_BAND;
import static org.opennrm.statistics.disclosure.QuasiIdentifier.CITIZENSHIP;
import static org.opennrm.statistics.disclosure.QuasiIdentifier.EXPLOITATION_TYPE;
import static org.opennrm.statistics.disclosure.QuasiIdentifier.SEX;
import static org.opennrm.statistics.disclosure.QuasiIdentifier.YEAR;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Small populations worked out by hand: what is generalised, what is dropped. */
class KAnonymityTest {

	static final KAnonymity CTDC = KAnonymity.withDefaultHierarchies(KAnonymityPolicy.DEFAULT,
			Generalisation.ownCountryEuOrOther("NL"));

	@Test
	void a_population_that_is_already_k_anonymous_is_released_as_recorded() {
		List<ExportRecord> population = copies(11, new ExportRecord("Female", "18--20", "NL", "Sexual", "2024"));

		KAnonymousRelease release = CTDC.anonymise(population);

		assertThat(release.records()).isEqualTo(population);
		assertThat(release.levels()).containsOnlyKeys(QuasiIdentifier.values()).allSatisfy((q, level) -> assertThat(level).isZero());
		assertThat(release.suppressedRecords()).isZero();
		assertThat(release.k()).isEqualTo(11);
	}

	@Test
	void neighbouring_age_bands_are_merged_into_adults_when_neither_has_k_records() {
		List<ExportRecord> population = new ArrayList<>();
		population.addAll(copies(6, new ExportRecord("Female", "18--20", "NL", "Sexual", "2024")));
		population.addAll(copies(6, new ExportRecord("Female", "21--23", "NL", "Sexual", "2024")));

		KAnonymousRelease release = CTDC.anonymise(population);

		assertThat(release.levels()).containsEntry(AGE_BAND, 1).containsEntry(SEX, 0).containsEntry(CITIZENSHIP, 0)
			.containsEntry(EXPLOITATION_TYPE, 0).containsEntry(YEAR, 0);
		assertThat(release.records()).hasSize(12).extracting(ExportRecord::ageBand).containsOnly("Adult");
		assertThat(release.suppressedRecords()).isZero();
	}

	@Test
	void a_rare_record_is_dropped_rather_than_everybody_generalised_within_five_percent() {
		List<ExportRecord> population = new ArrayList<>(
				copies(40, new ExportRecord("Male", "30--38", "RO", "Labour", "2023")));
		population.add(new ExportRecord("Male", "30--38", "VN", "Labour", "2023"));

		KAnonymousRelease release = CTDC.anonymise(population);

		assertThat(release.suppressedRecords()).isEqualTo(1);
		assertThat(release.records()).hasSize(40).extracting(ExportRecord::citizenship).containsOnly("RO");
		assertThat(release.levels().values()).containsOnly(0);
	}

	@Test
	void a_citizenship_too_rare_for_the_budget_is_generalised_to_its_region() {
		List<ExportRecord> population = new ArrayList<>(
				copies(20, new ExportRecord("Male", "30--38", "RO", "Labour", "2023")));
		population.addAll(copies(5, new ExportRecord("Male", "30--38", "BG", "Labour", "2023")));
		population.addAll(copies(6, new ExportRecord("Male", "30--38", "PL", "Labour", "2023")));

		KAnonymousRelease release = CTDC.anonymise(population);

		assertThat(release.levels()).containsEntry(CITIZENSHIP, 1);
		assertThat(release.records()).hasSize(31).extracting(ExportRecord::citizenship).containsOnly("EU");
	}

	@Test
	void fewer_records_than_k_release_nothing() {
		KAnonymousRelease release = CTDC.anonymise(copies(10, new ExportRecord("Female", "9--17", "NL", "Sexual", "2024")));

		assertThat(release.records()).isEmpty();
		assertThat(release.suppressedRecords()).isEqualTo(10);
	}

	@Test
	void an_empty_export_stays_empty() {
		KAnonymousRelease release = CTDC.anonymise(List.of());

		assertThat(release.records()).isEmpty();
		assertThat(release.suppressedRecords()).isZero();
	}

	@Test
	void payload_is_carried_along_unchanged() {
		List<ExportRecord> population = copies(11,
				new ExportRecord("Female", "18--20", "NL", "Sexual", "2024", Map.of("meansOfControl", "Debt bondage")));

		assertThat(CTDC.anonymise(population).records()).extracting(ExportRecord::payload)
			.containsOnly(Map.of("meansOfControl", "Debt bondage"));
	}

	@Test
	void missing_quasi_identifiers_are_unknown_and_stay_unknown_until_withheld() {
		ExportRecord missing = new ExportRecord(null, " ", null, null, null);

		assertThat(missing.sex()).isEqualTo(ExportRecord.UNKNOWN);
		assertThat(missing.ageBand()).isEqualTo(ExportRecord.UNKNOWN);
		assertThat(Generalisation.ageBand().generalise(ExportRecord.UNKNOWN, 1)).isEqualTo(ExportRecord.UNKNOWN);
		assertThat(Generalisation.ageBand().generalise(ExportRecord.UNKNOWN, 2)).isEqualTo(Generalisation.SUPPRESSED);
	}

	@Test
	void age_bands_generalise_to_minor_or_adult_and_a_band_across_eighteen_is_refused() {
		Generalisation age = Generalisation.ageBand();

		assertThat(age.topLevel()).isEqualTo(2);
		assertThat(age.generalise("0--8", 1)).isEqualTo("Minor");
		assertThat(age.generalise("9--17", 1)).isEqualTo("Minor");
		assertThat(age.generalise("18--20", 1)).isEqualTo("Adult");
		assertThat(age.generalise("48+", 1)).isEqualTo("Adult");
		assertThat(age.generalise("30\u201338", 1)).isEqualTo("Adult");
		assertThat(age.generalise("18--20", 0)).isEqualTo("18--20");
		assertThatIllegalArgumentException().isThrownBy(() -> age.generalise("15--24", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> age.generalise("young", 1));
	}

	@Test
	void citizenship_generalises_to_the_callers_region() {
		Generalisation citizenship = Generalisation.citizenship(Generalisation.ownCountryEuOrOther("nl"));

		assertThat(citizenship.generalise("NL", 1)).isEqualTo("Own country");
		assertThat(citizenship.generalise("ro", 1)).isEqualTo("EU");
		assertThat(citizenship.generalise("VN", 1)).isEqualTo("Non-EU");
		assertThat(citizenship.generalise("VN", 2)).isEqualTo("*");
	}

	@Test
	void exploitation_types_and_years_generalise_to_broad_groups_and_periods() {
		assertThat(Generalisation.exploitationType().generalise("SexAndLabour", 1)).isEqualTo("SexualOrLabour");
		assertThat(Generalisation.exploitationType().generalise("ForcedCriminality", 1)).isEqualTo("Other");
		assertThat(Generalisation.year(5).generalise("2023", 1)).isEqualTo("2020-2024");
		assertThat(Generalisation.year(3).generalise("2023", 1)).isEqualTo("2022-2024");
		assertThatIllegalArgumentException().isThrownBy(() -> Generalisation.year(5).generalise("last year", 1));
		assertThat(Generalisation.recordedOrSuppressed().generalise("Female", 1)).isEqualTo("*");
	}

	@Test
	void a_jurisdiction_can_bring_its_own_hierarchies() {
		Map<QuasiIdentifier, Generalisation> hierarchies = new java.util.EnumMap<>(
				KAnonymity.defaultHierarchies(Generalisation.ownCountryEuOrOther("NL")));
		hierarchies.put(CITIZENSHIP, Generalisation.grouped(Map.of("RO", "Balkans", "BG", "Balkans"), "Elsewhere"));
		KAnonymity anonymity = new KAnonymity(new KAnonymityPolicy(5, 0), hierarchies);
		List<ExportRecord> population = new ArrayList<>(copies(3, new ExportRecord("Male", "30--38", "RO", "Labour", "2023")));
		population.addAll(copies(3, new ExportRecord("Male", "30--38", "BG", "Labour", "2023")));

		assertThat(anonymity.anonymise(population).records()).extracting(ExportRecord::citizenship)
			.containsOnly("Balkans");
	}

	@Test
	void a_policy_that_would_release_unique_records_is_refused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new KAnonymityPolicy(1)).withMessageContaining("at least 2");
		assertThatIllegalArgumentException().isThrownBy(() -> new KAnonymityPolicy(11, 1.0));
		assertThatIllegalArgumentException().isThrownBy(() -> new KAnonymityPolicy(11, -0.1));
		assertThatIllegalArgumentException().isThrownBy(() -> new KAnonymity(KAnonymityPolicy.DEFAULT, Map.of()));
		assertThat(KAnonymityPolicy.DEFAULT.k()).isEqualTo(11);
		assertThat(KAnonymityPolicy.DEFAULT.suppressionBudget(100)).isEqualTo(5);
	}

	static List<ExportRecord> copies(int count, ExportRecord record) {
		return new ArrayList<>(Collections.nCopies(count, record));
	}
}
