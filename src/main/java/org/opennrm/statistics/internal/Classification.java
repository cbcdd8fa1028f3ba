package org.opennrm.statistics.internal;

import java.util.List;
import java.util.Set;

import org.opennrm.cases.AgeGroup;
import org.opennrm.casefile.StatisticalFacts;

/**
 * The categories the tables break down by, and how a person's facts fall into them. Every category list is complete
 * and ordered, so a table has the same rows whatever the data (a category nobody falls into is a zero, and zeros are
 * suppressed like any other small count).
 */
final class Classification {

	static final String UNKNOWN = "Unknown";

	/**
	 * The sexes tables break down by: Eurostat's three, so that the Eurostat release is the national tables recoded
	 * rather than regrouped (a regrouping would release sums of withheld cells). Transgender and non-conforming persons
	 * are counted with those of unknown sex; the record-level export keeps the gender as recorded.
	 */
	static final List<String> SEXES = List.of("Female", "Male", "OtherOrUnknown");

	/**
	 * CTDC {@code ageBroad}, and for persons without a recorded age, whether the registry knows them as a child or an
	 * adult: so that {@link #MAJORITY} is exactly a grouping of these bands.
	 */
	static final List<String> AGE_BANDS = List.of("0-8", "9-17", "18-20", "21-23", "24-26", "27-29", "30-38", "39-47",
			"48+", "MinorAgeUnknown", "AdultAgeUnknown", UNKNOWN);

	/** The age bands of minors. */
	static final List<String> MINOR_BANDS = List.of("0-8", "9-17", "MinorAgeUnknown");

	/** The age bands of adults. */
	static final List<String> ADULT_BANDS = List.of("18-20", "21-23", "24-26", "27-29", "30-38", "39-47", "48+",
			"AdultAgeUnknown");

	/** CTDC {@code majorityStatus}. */
	static final List<String> MAJORITY = List.of("Minor", "Adult", UNKNOWN);

	/** Eurostat's citizenship breakdown: the reporting country, another EU country, a country outside the EU. */
	static final List<String> CITIZENSHIP_GROUPS = List.of("Own", "EU", "NonEU", UNKNOWN);

	/** The form of exploitation as recorded; a person exploited both sexually and for labour counts once. */
	static final List<String> EXPLOITATION_RECORDED = List.of("Sexual", "Labour", "SexAndLabour", "Other", UNKNOWN);

	/**
	 * The forms tables break down by: Eurostat's (sexual, labour, other), so that the Eurostat release is the national
	 * tables recoded. A person exploited both sexually and for labour counts under other forms here; the record-level
	 * export keeps the CTDC flags.
	 */
	static final List<String> EXPLOITATION = List.of("Sexual", "Labour", "Other", UNKNOWN);

	/** The EU-27 member states (ISO 3166-1 alpha-2). */
	static final Set<String> EU = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU",
			"IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

	private Classification() {
	}

	static String sex(StatisticalFacts facts) {
		return facts.gender().name();
	}


	/**
	 * The CTDC age band for an age in whole years; without one, {@code MinorAgeUnknown} or {@code AdultAgeUnknown} by
	 * the registry's age group, or {@code Unknown}.
	 */
	static String ageBand(Integer age, AgeGroup ageGroup) {
		if (age == null || age < 0) {
			return switch (ageGroup) {
				case Child -> "MinorAgeUnknown";
				case Adult -> "AdultAgeUnknown";
				default -> UNKNOWN;
			};
		}
		if (age <= 8) {
			return "0-8";
		}
		if (age <= 17) {
			return "9-17";
		}
		if (age >= 48) {
			return "48+";
		}
		if (age >= 39) {
			return "39-47";
		}
		if (age >= 30) {
			return "30-38";
		}
		int from = 18 + (age - 18) / 3 * 3;
		return from + "-" + (from + 2);
	}

	/**
	 * Minor or adult by the age band (so by the recorded age, or without one by the registry's age group; an uncertain
	 * age stays unknown here, though the pathway treats the person as a child).
	 */
	static String majority(String ageBand) {
		return MINOR_BANDS.contains(ageBand) ? "Minor" : ADULT_BANDS.contains(ageBand) ? "Adult" : UNKNOWN;
	}

	/** The CTDC {@code ageBroad} value: the band, or {@code Unknown} for the bands without a recorded age. */
	static String ageBroad(String ageBand) {
		return ageBand.endsWith("AgeUnknown") ? UNKNOWN : ageBand;
	}

	/** Own, EU or non-EU citizen, seen from the jurisdiction's country ({@code null} for a baseline profile). */
	static String citizenshipGroup(String citizenship, String ownCountry) {
		if (citizenship == null) {
			return UNKNOWN;
		}
		if (citizenship.equals(ownCountry)) {
			return "Own";
		}
		return EU.contains(citizenship) ? "EU" : "NonEU";
	}

	static String exploitation(StatisticalFacts facts) {
		boolean sexual = !facts.sexualExploitation().isEmpty();
		boolean labour = !facts.labourExploitation().isEmpty();
		if (sexual && labour) {
			return "SexAndLabour";
		}
		if (sexual) {
			return "Sexual";
		}
		if (labour) {
			return "Labour";
		}
		return facts.otherExploitation().isEmpty() ? UNKNOWN : "Other";
	}
}
