package org.opennrm.statistics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opennrm.casefile.IdentificationSection.LabourExploitation;
import org.opennrm.casefile.IdentificationSection.MethodOfControl;
import org.opennrm.casefile.IdentificationSection.SexExploitation;
import org.opennrm.statistics.internal.StatisticsQueries.PersonRow;
import org.opennrm.statistics.internal.StatisticsQueries.Scope;
import org.springframework.stereotype.Component;

/**
 * Registered victims as records in the vocabulary of the Counter Trafficking Data Collaborative's global dataset
 * ({@code yearOfRegistration}, {@code gender}, {@code ageBroad}, {@code majorityStatus}, {@code citizenship},
 * {@code meansOfControl*}, {@code is*} exploitation flags, {@code typeOfLabour*}, {@code typeOfSex*},
 * {@code isAbduction}), made k-anonymous over the quasi-identifiers sex, age band, citizenship, form of exploitation
 * and year: generalised along fixed hierarchies, and records still in groups smaller than k left out. A flag that
 * would tell a generalised attribute again (the exploitation flags and sectors when the form is generalised) is left
 * blank with it.
 */
@Component
class CtdcRecords {

	static final List<String> MEANS_OF_CONTROL = java.util.Arrays.stream(MethodOfControl.values()).map(Enum::name).toList();

	static final List<String> TYPES_OF_LABOUR = java.util.Arrays.stream(LabourExploitation.values()).map(Enum::name)
		.toList();

	static final List<String> TYPES_OF_SEX = java.util.Arrays.stream(SexExploitation.values()).map(Enum::name).toList();

	static final List<String> CSV_HEADER;

	static {
		List<String> header = new ArrayList<>(List.of("yearOfRegistration", "Datasource", "gender", "ageBroad",
				"majorityStatus", "citizenship", "isForcedLabour", "isSexualExploit", "isOtherExploit", "isSexAndLabour",
				"isForcedMarriage", "isForcedMilitary", "isOrganRemoval", "isSlaveryAndPractices", "isAbduction"));
		MEANS_OF_CONTROL.forEach(means -> header.add("meansOfControl" + means));
		TYPES_OF_LABOUR.forEach(type -> header.add("typeOfLabour" + type));
		TYPES_OF_SEX.forEach(type -> header.add("typeOfSex" + type));
		CSV_HEADER = List.copyOf(header);
	}

	private final StatisticsQueries queries;

	private final StatisticsProperties properties;

	CtdcRecords(StatisticsQueries queries, StatisticsProperties properties) {
		this.queries = queries;
		this.properties = properties;
	}

	/**
	 * The release.
	 *
	 * @param k every record shares its quasi-identifiers with at least k−1 others
	 * @param generalisation how far each quasi-identifier was generalised (0 = as recorded)
	 * @param suppressedRecords how many records were left out
	 * @param records the records, each a map in {@link #CSV_HEADER}'s order ({@code null} = blank)
	 */
	record Release(int k, Map<String, Integer> generalisation, int suppressedRecords, List<Map<String, Object>> records) {
	}

	Release release(Scope scope) {
		List<PersonRow> persons = this.queries.persons(scope);
		throw new UnsupportedOperationException("k-anonymity pending " + persons.size());
	}

	static List<List<String>> csv(Release release) {
		return release.records()
			.stream()
			.map(record -> CSV_HEADER.stream().map(field -> cell(record.get(field))).toList())
			.toList();
	}

	private static String cell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Boolean flag) {
			return flag ? "1" : "0";
		}
		return value.toString();
	}
}
