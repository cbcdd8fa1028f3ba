package org.opennrm.identification.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.opennrm.identification.SuspectedExploitation;

/**
 * One versioned checklist of trafficking indicators, as an operator keeps it in {@code config/indicators/<id>.json}.
 * Each item belongs to one dimension of the trafficking definition and carries the strength the ILO/EC operational
 * indicators (2009) give it. A checklist never changes under the same version: a new list is a new version.
 *
 * @param id stable id, also the file name
 * @param version raised whenever the items change
 * @param title what screeners see it as
 * @param exploitationForm a {@link SuspectedExploitation} with a checklist of its own, or {@value #GENERAL}
 * @param ageGroup who it is for
 * @param source where the items come from
 * @param note what an operator must know, e.g. that the list still has to be checked against the national SOP
 * @param items the indicators, in the order screeners see them
 */
record IndicatorChecklist(String id, int version, String title, String exploitationForm, AgeGroup ageGroup,
		String source, String note, List<Item> items) {

	/** The exploitation form of the checklist for other and unknown forms. */
	static final String GENERAL = "General";

	private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Za-z0-9]{1,63}");

	enum AgeGroup {
		Adult, Child, Any
	}

	/** The elements of the definition an indicator points to (the means element is "coercion"). */
	enum Dimension {
		Recruitment, Exploitation, Coercion
	}

	enum Strength {
		Strong, Medium, Weak
	}

	/**
	 * @param code stable code, what a screening stores
	 * @param label plain language, what a screener reads
	 * @param dimension the element of the definition it points to
	 * @param strength how strongly it points there
	 */
	record Item(String code, String label, Dimension dimension, Strength strength) {
	}

	IndicatorChecklist {
		require(id != null && ID.matcher(id).matches(), "id must be lower-case words joined by '-'");
		require(version >= 1, "version must be 1 or more");
		require(title != null && !title.isBlank(), "title is missing");
		require(GENERAL.equals(exploitationForm) || ownChecklist(exploitationForm),
				"exploitationForm must be " + GENERAL + " or one of LabourExploitation, SexualExploitation, "
						+ "ForcedBegging, ForcedCriminality, ForcedMarriage");
		require(ageGroup != null, "ageGroup must be Adult, Child or Any");
		require(GENERAL.equals(exploitationForm) || ageGroup != AgeGroup.Any,
				"a checklist for one form of exploitation is for adults or for children");
		require(items != null && !items.isEmpty(), "a checklist has items");
		Set<String> codes = new HashSet<>();
		for (Item item : items) {
			require(item != null && item.code() != null && CODE.matcher(item.code()).matches(),
					"item codes are words in UpperCamelCase: " + (item == null ? null : item.code()));
			require(item.label() != null && !item.label().isBlank(), "item " + item.code() + " has no label");
			require(item.dimension() != null, "item " + item.code() + " has no dimension");
			require(item.strength() != null, "item " + item.code() + " has no strength");
			require(codes.add(item.code()), "item code " + item.code() + " appears twice");
		}
		items = List.copyOf(items);
	}

	/**
	 * The items as the checklist field of a Camunda Form takes them: {@code [{label, value}]}, each naming its
	 * checklist too, so that the label is said in the reader's language when the form is delivered (catalogue code
	 * {@code indicator.<checklist>.<code>}).
	 */
	List<Map<String, String>> options() {
		return this.items.stream().map(item -> {
			Map<String, String> option = new LinkedHashMap<>();
			option.put("label", item.label());
			option.put("value", item.code());
			option.put("checklist", this.id);
			return option;
		}).toList();
	}

	/** The codes that are not on this checklist, sorted. */
	Set<String> unknownCodes(Collection<String> codes) {
		Set<String> unknown = new TreeSet<>(codes);
		this.items.forEach(item -> unknown.remove(item.code()));
		return unknown;
	}

	/** How many of the observed indicators fall in each dimension and strength; each code counts once. */
	IndicatorCounts count(Collection<String> codes) {
		Set<String> unknown = unknownCodes(codes);
		if (!unknown.isEmpty()) {
			// How many, not which: what was typed into a sensitive field never reaches an exception message or the log.
			throw new IllegalArgumentException(
					"Codes not on checklist " + this.id + " version " + this.version + ": " + unknown.size());
		}
		Set<String> seen = Set.copyOf(codes);
		return IndicatorCounts.of(this.items.stream().filter(item -> seen.contains(item.code())).toList());
	}

	private static boolean ownChecklist(String form) {
		try {
			return form != null && SuspectedExploitation.valueOf(form).hasOwnChecklist();
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static void require(boolean condition, String problem) {
		if (!condition) {
			throw new IllegalArgumentException(problem);
		}
	}
}
