package org.opennrm.transnational.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.opennrm.casefile.Section;

/**
 * The names of the fields a referral carries, by section: what the person consents to and the coordinators see, and
 * what the registries keep (names only, never values). Stored as {@code identity:firstName,nationality;risk:safetyPlan}.
 */
final class SharedFields {

	private SharedFields() {
	}

	static String format(Map<Section, Set<String>> fields) {
		return fields.entrySet()
			.stream()
			.map(entry -> entry.getKey().key() + ":" + String.join(",", new TreeSet<>(entry.getValue())))
			.collect(Collectors.joining(";"));
	}

	static Map<Section, Set<String>> parse(String stored) {
		Map<Section, Set<String>> fields = new EnumMap<>(Section.class);
		if (stored == null || stored.isBlank()) {
			return fields;
		}
		for (String part : stored.split(";")) {
			String[] sectionAndNames = part.split(":", 2);
			Section section = Section.byKey(sectionAndNames[0])
				.orElseThrow(() -> new IllegalStateException("Unknown section in shared fields"));
			fields.put(section, new TreeSet<>(List.of(sectionAndNames[1].split(","))));
		}
		return fields;
	}

	/** For views: section key to field names, in section order. */
	static Map<String, List<String>> view(String stored) {
		Map<String, List<String>> view = new LinkedHashMap<>();
		parse(stored).forEach((section, names) -> view.put(section.key(), new ArrayList<>(names)));
		return view;
	}

	/** For the forms: one line a person can read, {@code identity: firstName, nationality · risk: safetyPlan}. */
	static String summary(Map<Section, Set<String>> fields) {
		return fields.entrySet()
			.stream()
			.map(entry -> entry.getKey().key() + ": " + String.join(", ", new TreeSet<>(entry.getValue())))
			.collect(Collectors.joining(" · "));
	}
}
