package org.opennrm.statistics.disclosure;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A generalisation hierarchy for one quasi-identifier: level 0 is the value as recorded, each higher level is
 * coarser than the one below (every value of a level determines its value on the next), and the top level
 * {@link #topLevel()} withholds the value ({@link #SUPPRESSED}).
 * <p>
 * For example the age band: {@code "21--23"} at level 0, {@code "Adult"} at level 1, {@code "*"} at level 2.
 * {@link ExportRecord#UNKNOWN} stays unknown on every level below the top.
 * <p>
 * The factories give the hierarchies OpenNRM uses by default; a jurisdiction can supply its own (its regions,
 * its own grouping of forms of exploitation) through {@link #of(List)} or its own implementation.
 */
public interface Generalisation {

	/** The value of every quasi-identifier at its top level: withheld. */
	String SUPPRESSED = "*";

	/** The highest level, at which every value is {@link #SUPPRESSED}; at least 1. */
	int topLevel();

	/**
	 * The value at a level.
	 * @param value the value as recorded, never null
	 * @param level from 0 (as recorded) to {@link #topLevel()} (withheld)
	 * @throws IllegalArgumentException if the value cannot be generalised (an age band that spans 18, say)
	 */
	String generalise(String value, int level);

	/**
	 * A hierarchy from its intermediate levels: level 0 as recorded, level i the i-th function applied to the
	 * recorded value, and one level above them withheld. No functions: recorded or withheld.
	 */
	static Generalisation of(List<Function<String, String>> levels) {
		List<Function<String, String>> steps = List.copyOf(levels);
		return new Generalisation() {

			@Override
			public int topLevel() {
				return steps.size() + 1;
			}

			@Override
			public String generalise(String value, int level) {
				Objects.requireNonNull(value, "value");
				if (level < 0 || level > topLevel()) {
					throw new IllegalArgumentException("No level " + level + " in a hierarchy of " + topLevel());
				}
				if (level == topLevel()) {
					return SUPPRESSED;
				}
				if (level == 0 || value.equals(ExportRecord.UNKNOWN)) {
					return value;
				}
				String general = steps.get(level - 1).apply(value);
				if (general == null) {
					throw new IllegalArgumentException("No level-" + level + " value for " + value);
				}
				return general;
			}
		};
	}

	/** Recorded or withheld, nothing in between (sex). */
	static Generalisation recordedOrSuppressed() {
		return of(List.of());
	}

	/** The value as recorded or withheld, with one level in between given by a table (unlisted values: other). */
	static Generalisation grouped(Map<String, String> groups, String other) {
		Map<String, String> copy = Map.copyOf(groups);
		Objects.requireNonNull(other, "other");
		return of(List.of(value -> copy.getOrDefault(value, other)));
	}

	/**
	 * CTDC age bands ({@code "0--8"}, {@code "9--17"}, {@code "18--20"}, ..., {@code "48+"}; one or two hyphens
	 * or an en dash), then {@code "Minor"} or {@code "Adult"}, then withheld. A band that spans the 18th birthday
	 * is refused.
	 */
	static Generalisation ageBand() {
		Pattern range = Pattern.compile("(\\d+)\\s*(?:--?|\u2013)\\s*(\\d+)");
		Pattern open = Pattern.compile("(\\d+)\\s*\\+");
		return of(List.of(band -> {
			Matcher closed = range.matcher(band.trim());
			Matcher upwards = open.matcher(band.trim());
			int lowest;
			int highest;
			if (closed.matches()) {
				lowest = Integer.parseInt(closed.group(1));
				highest = Integer.parseInt(closed.group(2));
			}
			else if (upwards.matches()) {
				lowest = Integer.parseInt(upwards.group(1));
				highest = Integer.MAX_VALUE;
			}
			else {
				throw new IllegalArgumentException("Not an age band: " + band);
			}
			if (highest < 18) {
				return "Minor";
			}
			if (lowest >= 18) {
				return "Adult";
			}
			throw new IllegalArgumentException("The age band " + band + " spans the 18th birthday");
		}));
	}

	/**
	 * Citizenship: the ISO 3166-1 alpha-2 code, then the region the caller's function gives it (for example own
	 * country, EU, non-EU: {@link #ownCountryEuOrOther(String)}), then withheld.
	 */
	static Generalisation citizenship(Function<String, String> region) {
		Objects.requireNonNull(region, "region");
		return of(List.of(code -> region.apply(code.trim().toUpperCase(Locale.ROOT))));
	}

	/** Regions for {@link #citizenship(Function)}: {@code "Own country"}, {@code "EU"} or {@code "Non-EU"}. */
	static Function<String, String> ownCountryEuOrOther(String ownCountry) {
		String own = ownCountry.trim().toUpperCase(Locale.ROOT);
		Set<String> eu = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "EL", "HU",
				"IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");
		return code -> code.equals(own) ? "Own country" : eu.contains(code) ? "EU" : "Non-EU";
	}

	/**
	 * Type of exploitation: as recorded, then {@code "SexualOrLabour"} for {@code Sexual}, {@code Labour} and
	 * {@code SexAndLabour} and {@code "Other"} for every other form, then withheld.
	 */
	static Generalisation exploitationType() {
		return grouped(Map.of("Sexual", "SexualOrLabour", "Labour", "SexualOrLabour", "SexAndLabour",
				"SexualOrLabour"), "Other");
	}

	/**
	 * Year: as recorded, then the period of {@code periodYears} years it falls in (periods start at multiples of
	 * the length: {@code "2020-2024"} for five years), then withheld.
	 */
	static Generalisation year(int periodYears) {
		if (periodYears < 2) {
			throw new IllegalArgumentException("A period has at least 2 years, not " + periodYears);
		}
		return of(List.of(value -> {
			int year;
			try {
				year = Integer.parseInt(value.trim());
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("Not a year: " + value, ex);
			}
			int first = Math.floorDiv(year, periodYears) * periodYears;
			return first + "-" + (first + periodYears - 1);
		}));
	}
}
