package org.opennrm.statistics.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.opennrm.casefile.IdentificationSection.LabourExploitation;
import org.opennrm.casefile.IdentificationSection.MethodOfControl;
import org.opennrm.casefile.IdentificationSection.SexExploitation;
import org.opennrm.handoff.ServiceHandoffProcess.ServiceType;

/**
 * Made-up persons for statistics: for the demo profile's history, the golden tests and the benchmark. The same seed
 * always gives the same persons. Proportions are loosely those of European trafficking statistics (most registered
 * victims women, sexual exploitation the most common form); they are not data about anyone.
 */
final class SyntheticPopulation {

	private static final List<String> NON_EU = List.of("AL", "BA", "RS", "ME", "XK", "MK", "UA", "MD", "NG", "VN",
			"TR", "SY", "AF", "CN", "PH");

	private static final List<String> EU = List.copyOf(new java.util.TreeSet<>(Classification.EU));

	private static final List<String> AGENCIES = List.of("police", "police", "police", "police", "social", "social",
			"ngo", "ngo", "ngo", "health");

	private final Random random;

	SyntheticPopulation(long seed) {
		this.random = new Random(seed);
	}

	/** {@code count} persons registered in {@code year} in the jurisdiction (whose country may be {@code null}). */
	List<PersonRecord> persons(int count, int year, String jurisdiction, String ownCountry) {
		List<PersonRecord> persons = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			persons.add(person(year, jurisdiction, ownCountry));
		}
		return persons;
	}

	private PersonRecord person(int year, String jurisdiction, String ownCountry) {
		String sex = pick(new String[] { "Female", "Male", "TransgenderNonConforming", "Unknown" },
				new int[] { 68, 27, 2, 3 });
		String ageBand = pick(Classification.AGE_BANDS.toArray(String[]::new),
				new int[] { 2, 18, 14, 13, 11, 9, 16, 8, 4, 2, 1, 2 });
		String citizenship = citizenship(ownCountry);
		String exploitation = pick(Classification.EXPLOITATION_RECORDED.toArray(String[]::new), new int[] { 45, 30, 8, 10, 7 });
		Set<String> labour = exploitation.equals("Labour") || exploitation.equals("SexAndLabour")
				? some(names(LabourExploitation.values()), 1, 2) : Set.of();
		Set<String> sexual = exploitation.equals("Sexual") || exploitation.equals("SexAndLabour")
				? some(names(SexExploitation.values()), 1, 2) : Set.of();
		Set<String> other = exploitation.equals("Other")
				? some(List.of("ForcedMarriage", "ForcedMilitary", "OrganRemoval", "SlaveryAndPractices",
						"ForcedCriminality"), 1, 1)
				: Set.of();
		boolean registeredVictim = chance(82);
		boolean identified = registeredVictim && chance(50);
		String personStatus = identified ? pick(new String[] { "Identified", "Withdrawn", "LostContact" },
				new int[] { 90, 5, 5 })
				: registeredVictim ? pick(new String[] { "Presumed", "Withdrawn", "LostContact" }, new int[] { 85, 8, 7 })
						: pick(new String[] { "AtRisk", "NotIdentified" }, new int[] { 60, 40 });
		boolean notIdentified = personStatus.equals("NotIdentified");
		boolean preliminary = registeredVictim || notIdentified;
		Integer daysToPreliminary = preliminary ? this.random.nextInt(12) : null;
		boolean formal = identified || notIdentified && chance(50);
		Integer daysToFormal = formal ? 30 + this.random.nextInt(80) : null;
		String caseStatus = pick(new String[] { "Active", "FollowUp", "Closed", "ClosedReferred" },
				new int[] { 55, 15, 25, 5 });
		return new PersonRecord(jurisdiction, year, 1 + this.random.nextInt(4), AGENCIES.get(this.random.nextInt(10)),
				sex, ageBand, Classification.majority(ageBand), citizenship,
				Classification.citizenshipGroup(citizenship, ownCountry), exploitation, other, chance(6), personStatus,
				registeredVictim, identified, caseStatus, daysToPreliminary,
				daysToPreliminary == null ? null : daysToPreliminary <= 7, daysToFormal,
				daysToFormal == null ? null : daysToFormal <= 90, chance(15) ? 1 + this.random.nextInt(2) : 0,
				registeredVictim ? some(names(MethodOfControl.values()), 0, 3) : Set.of(), labour, sexual,
				registeredVictim ? some(names(ServiceType.values()), 0, 3) : Set.of());
	}

	private String citizenship(String ownCountry) {
		int roll = this.random.nextInt(100);
		if (roll < 5) {
			return null;
		}
		if (roll < 50 && ownCountry != null) {
			return ownCountry;
		}
		if (roll < 60) {
			return EU.get(this.random.nextInt(EU.size()));
		}
		String country = NON_EU.get(this.random.nextInt(NON_EU.size()));
		return country.equals(ownCountry) ? NON_EU.get(0) : country;
	}

	private boolean chance(int percent) {
		return this.random.nextInt(100) < percent;
	}

	private String pick(String[] values, int[] weights) {
		int total = java.util.Arrays.stream(weights).sum();
		int roll = this.random.nextInt(total);
		for (int i = 0; i < values.length; i++) {
			roll -= weights[i];
			if (roll < 0) {
				return values[i];
			}
		}
		return values[values.length - 1];
	}

	private Set<String> some(List<String> values, int min, int max) {
		int count = min + this.random.nextInt(max - min + 1);
		Set<String> picked = new HashSet<>();
		while (picked.size() < count) {
			picked.add(values.get(this.random.nextInt(values.size())));
		}
		return picked;
	}

	private static List<String> names(Enum<?>[] values) {
		return java.util.Arrays.stream(values).map(Enum::name).toList();
	}
}
