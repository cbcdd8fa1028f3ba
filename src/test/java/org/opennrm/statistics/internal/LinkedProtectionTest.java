package org.opennrm.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opennrm.statistics.disclosure.CellSuppression;
import org.opennrm.statistics.disclosure.CountTable;
import org.opennrm.statistics.disclosure.ProtectedTable;
import org.opennrm.statistics.disclosure.SuppressionPolicy;

class LinkedProtectionTest {

	static final SuppressionPolicy POLICY = SuppressionPolicy.DEFAULT;

	/** Sex by age group: only the 3 boys are small. */
	static final CountTable BY_SEX_AND_AGE = CountTable.twoWay("sex", List.of("Female", "Male"), "majority",
			List.of("Minor", "Adult"), new long[][] { { 30, 60 }, { 3, 40 } });

	@Test
	void a_count_withheld_in_one_table_is_withheld_in_every_table_that_shows_it() {
		// Given persons by sex and age group, where the 60 men are withheld to protect the 3 boys
		List<String> sexes = List.of("Female", "Male", "Unknown");
		CountTable byAge = CountTable.twoWay("sex", sexes, "majority", List.of("Minor", "Adult"),
				new long[][] { { 22, 24 }, { 3, 57 }, { 0, 4 } });
		// and the same persons by sex and form, whose own protection would show the 60 men (and with them the boys,
		// as the Minor column total minus the girls)
		CountTable byForm = CountTable.twoWay("sex", sexes, "exploitation", List.of("Sexual", "Labour"),
				new long[][] { { 23, 23 }, { 30, 30 }, { 2, 2 } });
		assertThat(CellSuppression.protect(byAge, POLICY).rowTotal(1).released()).isFalse();
		assertThat(CellSuppression.protect(byForm, POLICY).rowTotal(1).released()).isTrue();

		// When both are protected together
		Map<String, ProtectedTable> together = LinkedProtection.protect(
				List.of(new LinkedProtection.Table("age", byAge, "V"), new LinkedProtection.Table("form", byForm, "V")),
				List.of(), POLICY);

		// Then what one withholds the other does too
		for (int row = 0; row < sexes.size(); row++) {
			assertThat(together.get("form").rowTotal(row).released()).as(sexes.get(row))
				.isEqualTo(together.get("age").rowTotal(row).released());
		}
		assertThat(together.get("form").rowTotal(1).released()).isFalse();
		assertThat(together.get("age").total().released()).isEqualTo(together.get("form").total().released());
	}

	@Test
	void a_sum_is_never_the_only_withheld_member_of_its_relation() {
		// Given age bands whose minors add up to the Minor column of the sex-by-age table (33 = 4 + 29) and whose
		// adults add up to its Adult column (100 = 15 + 85)
		CountTable bands = CountTable.oneWay("ageBand", List.of("0-8", "9-17", "18-20", "21+"),
				new long[] { 4, 29, 15, 85 });
		List<LinkedProtection.Sum> sums = List.of(
				new LinkedProtection.Sum("V|majority=Minor", List.of("V|ageBand=0-8", "V|ageBand=9-17")),
				new LinkedProtection.Sum("V|majority=Adult", List.of("V|ageBand=18-20", "V|ageBand=21+")));
		// each protected alone shows the column totals and one of each band pair: 33 - 29 would give the 4 away
		ProtectedTable bandsAlone = CellSuppression.protect(bands, POLICY);
		ProtectedTable ageAlone = CellSuppression.protect(BY_SEX_AND_AGE, POLICY);
		assertThat(List.of(ageAlone.columnTotal(0), bandsAlone.cell(0), bandsAlone.cell(1)))
			.filteredOn(cell -> !cell.released())
			.hasSize(1);

		// When they are protected together with the sums
		Map<String, ProtectedTable> together = LinkedProtection.protect(
				List.of(new LinkedProtection.Table("age", BY_SEX_AND_AGE, "V"),
						new LinkedProtection.Table("bands", bands, "V")),
				sums, POLICY);

		// Then no relation has exactly one withheld member
		ProtectedTable age = together.get("age");
		ProtectedTable band = together.get("bands");
		assertThat(List.of(age.columnTotal(0), band.cell(0), band.cell(1))).filteredOn(cell -> !cell.released())
			.hasSizeGreaterThanOrEqualTo(2);
		assertThat(List.of(age.columnTotal(1), band.cell(2), band.cell(3))).filteredOn(cell -> !cell.released())
			.satisfiesAnyOf(withheld -> assertThat(withheld).isEmpty(),
					withheld -> assertThat(withheld).hasSizeGreaterThanOrEqualTo(2));
	}

	@Test
	@Timeout(10)
	void a_sum_of_nothing_is_a_zero_that_is_withheld_and_ends_the_protection() {
		// A jurisdiction without a country of its own: nobody is a citizen of "own", the sum has no parts
		CountTable byCitizenship = CountTable.twoWay("sex", List.of("Female", "Male"), "citizenshipGroup",
				List.of("Own", "NonEU"), new long[][] { { 0, 50 }, { 0, 40 } });

		Map<String, ProtectedTable> released = LinkedProtection.protect(
				List.of(new LinkedProtection.Table("citizenship", byCitizenship, "V")),
				List.of(new LinkedProtection.Sum("V|citizenshipGroup=Own", List.of())), POLICY);

		assertThat(released.get("citizenship").columnTotal(0).released()).isFalse();
	}
}
