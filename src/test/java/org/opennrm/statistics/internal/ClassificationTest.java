package org.opennrm.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opennrm.cases.AgeGroup;
import org.opennrm.casefile.IdentificationSection.LabourExploitation;
import org.opennrm.casefile.IdentificationSection.OtherExploitation;
import org.opennrm.casefile.IdentificationSection.SexExploitation;
import org.opennrm.casefile.IdentitySection.Gender;
import org.opennrm.casefile.StatisticalFacts;

class ClassificationTest {

	@Test
	void ages_fall_into_ctdc_bands_at_their_edges() {
		assertThat(Classification.ageBand(0, AgeGroup.Child)).isEqualTo("0-8");
		assertThat(Classification.ageBand(8, AgeGroup.Child)).isEqualTo("0-8");
		assertThat(Classification.ageBand(9, AgeGroup.Child)).isEqualTo("9-17");
		assertThat(Classification.ageBand(17, AgeGroup.Child)).isEqualTo("9-17");
		assertThat(Classification.ageBand(18, AgeGroup.Adult)).isEqualTo("18-20");
		assertThat(Classification.ageBand(20, AgeGroup.Adult)).isEqualTo("18-20");
		assertThat(Classification.ageBand(21, AgeGroup.Adult)).isEqualTo("21-23");
		assertThat(Classification.ageBand(26, AgeGroup.Adult)).isEqualTo("24-26");
		assertThat(Classification.ageBand(29, AgeGroup.Adult)).isEqualTo("27-29");
		assertThat(Classification.ageBand(30, AgeGroup.Adult)).isEqualTo("30-38");
		assertThat(Classification.ageBand(38, AgeGroup.Adult)).isEqualTo("30-38");
		assertThat(Classification.ageBand(39, AgeGroup.Adult)).isEqualTo("39-47");
		assertThat(Classification.ageBand(47, AgeGroup.Adult)).isEqualTo("39-47");
		assertThat(Classification.ageBand(48, AgeGroup.Adult)).isEqualTo("48+");
		assertThat(Classification.ageBand(93, AgeGroup.Adult)).isEqualTo("48+");
	}

	@Test
	void without_a_recorded_age_the_registrys_age_group_decides_minor_or_adult_and_uncertain_stays_unknown() {
		assertThat(Classification.ageBand(null, AgeGroup.Child)).isEqualTo("MinorAgeUnknown");
		assertThat(Classification.ageBand(null, AgeGroup.Adult)).isEqualTo("AdultAgeUnknown");
		assertThat(Classification.ageBand(null, AgeGroup.Uncertain)).isEqualTo("Unknown");
		assertThat(Classification.majority("MinorAgeUnknown")).isEqualTo("Minor");
		assertThat(Classification.majority("AdultAgeUnknown")).isEqualTo("Adult");
		assertThat(Classification.majority("Unknown")).isEqualTo("Unknown");
		assertThat(Classification.ageBroad("MinorAgeUnknown")).isEqualTo("Unknown");
		assertThat(Classification.ageBroad("9-17")).isEqualTo("9-17");
	}

	@Test
	void every_age_band_is_either_a_minors_or_an_adults_band_or_unknown() {
		assertThat(Classification.AGE_BANDS).allSatisfy(band -> assertThat(Classification.MINOR_BANDS.contains(band)
				^ Classification.ADULT_BANDS.contains(band) ^ band.equals("Unknown")).isTrue());
	}

	@Test
	void citizens_are_own_eu_or_non_eu_seen_from_the_jurisdictions_country() {
		assertThat(Classification.citizenshipGroup("MK", "MK")).isEqualTo("Own");
		assertThat(Classification.citizenshipGroup("DE", "MK")).isEqualTo("EU");
		assertThat(Classification.citizenshipGroup("AL", "MK")).isEqualTo("NonEU");
		assertThat(Classification.citizenshipGroup("HR", null)).as("a baseline profile has no own country")
			.isEqualTo("EU");
		assertThat(Classification.citizenshipGroup(null, "MK")).isEqualTo("Unknown");
		assertThat(Classification.EU).hasSize(27);
	}

	@Test
	void sexual_and_labour_exploitation_together_count_once_as_recorded() {
		assertThat(Classification.exploitation(facts(Set.of(LabourExploitation.Agriculture),
				Set.of(SexExploitation.Prostitution), Set.of()))).isEqualTo("SexAndLabour");
		assertThat(Classification.exploitation(facts(Set.of(), Set.of(SexExploitation.Pornography),
				Set.of(OtherExploitation.ForcedMarriage)))).isEqualTo("Sexual");
		assertThat(Classification.exploitation(facts(Set.of(), Set.of(), Set.of(OtherExploitation.OrganRemoval))))
			.isEqualTo("Other");
		assertThat(Classification.exploitation(StatisticalFacts.NONE)).isEqualTo("Unknown");
	}

	private static StatisticalFacts facts(Set<LabourExploitation> labour, Set<SexExploitation> sexual,
			Set<OtherExploitation> other) {
		return new StatisticalFacts(Gender.Female, 30, "AL", Set.of(), labour, sexual, other, false);
	}
}
