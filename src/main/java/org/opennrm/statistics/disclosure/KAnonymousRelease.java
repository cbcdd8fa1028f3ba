package org.opennrm.statistics.disclosure;

import java.util.List;
import java.util.Map;

/**
 * The outcome of {@link KAnonymity#anonymise(List)}: the records that may be released, with their quasi-
 * identifiers generalised, in their input order; the level each quasi-identifier was generalised to; and how many
 * records were dropped because they stayed too rare.
 *
 * @param records the released records; every combination of quasi-identifiers in it occurs at least k times
 * @param levels the generalisation level of each quasi-identifier (0: as recorded)
 * @param suppressedRecords how many input records are not released
 * @param k the k that was met
 */
public record KAnonymousRelease(List<ExportRecord> records, Map<QuasiIdentifier, Integer> levels,
		int suppressedRecords, int k) {

	/** Freezes the lists. */
	public KAnonymousRelease {
		records = List.copyOf(records);
		levels = Map.copyOf(levels);
	}
}
