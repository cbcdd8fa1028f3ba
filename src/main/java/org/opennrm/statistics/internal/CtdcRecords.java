package org.opennrm.statistics.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opennrm.casefile.IdentificationSection.LabourExploitation;
import org.opennrm.casefile.IdentificationSection.MethodOfControl;
import org.opennrm.casefile.IdentificationSection.SexExploitation;
import org.opennrm.deadlines.Jurisdictions;
import org.opennrm.statistics.disclosure.ExportRecord;
import org.opennrm.statistics.disclosure.Generalisation;
import org.opennrm.statistics.disclosure.KAnonymity;
import org.opennrm.statistics.disclosure.KAnonymityPolicy;
import org.opennrm.statistics.disclosure.KAnonymousRelease;
import org.opennrm.statistics.disclosure.QuasiIdentifier;
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
		header.add("meansOfControlNotSpecified");
		TYPES_OF_LABOUR.forEach(type -> header.add("typeOfLabour" + type));
		TYPES_OF_SEX.forEach(type -> header.add("typeOfSex" + type));
		CSV_HEADER = List.copyOf(header);
	}

	private final StatisticsQueries queries;

	private final Jurisdictions jurisdictions;

	private final KAnonymityPolicy policy;

	CtdcRecords(StatisticsQueries queries, Jurisdictions jurisdictions, StatisticsProperties properties) {
		this.queries = queries;
		this.jurisdictions = jurisdictions;
		this.policy = new KAnonymityPolicy(properties.k());
	}

	/**
	 * The release.
	 *
	 * @param k every record shares its quasi-identifiers with at least k−1 others
	 * @param generalisation how far each quasi-identifier was generalised (0 = as recorded), by CTDC field name
	 * @param suppressedRecords how many records were left out
	 * @param records the records, each with the fields of {@link #CSV_HEADER} ({@code null} = blank, withheld)
	 */
	record Release(int k, Map<String, Integer> generalisation, int suppressedRecords, List<Map<String, Object>> records) {
	}

	int k() {
		return this.policy.k();
	}

	Release release(Scope scope) {
		String ownCountry = this.jurisdictions.profile(scope.jurisdiction()).country();
		Map<QuasiIdentifier, Generalisation> hierarchies = new EnumMap<>(QuasiIdentifier.class);
		hierarchies.putAll(KAnonymity.defaultHierarchies(
				country -> Classification.citizenshipGroup(country, ownCountry)));
		hierarchies.put(QuasiIdentifier.AGE_BAND, Generalisation.of(List.of(Classification::majority)));
		hierarchies.put(QuasiIdentifier.EXPLOITATION_TYPE,
				Generalisation.of(List.of(form -> form.equals("Other") ? "Other" : "SexualOrLabour")));
		KAnonymousRelease anonymous = new KAnonymity(this.policy, hierarchies).anonymise(this.queries.persons(scope)
			.stream()
			.map(CtdcRecords::exportRecord)
			.toList());
		Map<String, Integer> levels = new LinkedHashMap<>();
		anonymous.levels().forEach((attribute, level) -> levels.put(attribute.field(), level));
		boolean exploitationAsRecorded = anonymous.levels().get(QuasiIdentifier.EXPLOITATION_TYPE) == 0;
		boolean ageAsRecorded = anonymous.levels().get(QuasiIdentifier.AGE_BAND) == 0;
		List<Map<String, Object>> records = anonymous.records()
			.stream()
			.map(record -> ctdc(record, ageAsRecorded, exploitationAsRecorded))
			.toList();
		return new Release(this.policy.k(), levels, anonymous.suppressedRecords(), records);
	}

	/** A registered victim as quasi-identifiers and the rest (flags as 1 or 0). */
	private static ExportRecord exportRecord(PersonRow person) {
		Map<String, String> payload = new LinkedHashMap<>();
		payload.put("isForcedMarriage", flag(person.forcedMarriage()));
		payload.put("isForcedMilitary", flag(person.forcedMilitary()));
		payload.put("isOrganRemoval", flag(person.organRemoval()));
		payload.put("isSlaveryAndPractices", flag(person.slaveryAndPractices()));
		payload.put("isAbduction", flag(person.abducted()));
		MEANS_OF_CONTROL.forEach(means -> payload.put("meansOfControl" + means,
				flag(person.answers().contains("Control:" + means))));
		TYPES_OF_LABOUR.forEach(type -> payload.put("typeOfLabour" + type,
				flag(person.answers().contains("Labour:" + type))));
		TYPES_OF_SEX.forEach(type -> payload.put("typeOfSex" + type, flag(person.answers().contains("Sexual:" + type))));
		return new ExportRecord(person.sex(), person.ageBand(), person.citizenship(), person.exploitation(),
				String.valueOf(person.year()), payload);
	}

	/**
	 * A released record in CTDC's fields. What would tell a generalised attribute again is left blank with it: the
	 * age band's minority when only majority is released, the exploitation flags and sectors when the form is.
	 */
	private static Map<String, Object> ctdc(ExportRecord record, boolean ageAsRecorded,
			boolean exploitationAsRecorded) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("yearOfRegistration", released(record.year()));
		fields.put("Datasource", "Case Management");
		fields.put("gender", released(record.sex()));
		fields.put("ageBroad", ageAsRecorded ? ctdcAgeBand(released(Classification.ageBroad(record.ageBand()))) : null);
		fields.put("majorityStatus",
				ageAsRecorded ? Classification.majority(record.ageBand()) : released(record.ageBand()));
		fields.put("citizenship", released(record.citizenship()));
		String form = exploitationAsRecorded ? record.exploitationType() : null;
		fields.put("isForcedLabour", form == null ? null : form.equals("Labour") || form.equals("SexAndLabour"));
		fields.put("isSexualExploit", form == null ? null : form.equals("Sexual") || form.equals("SexAndLabour"));
		fields.put("isOtherExploit", form == null ? null : form.equals("Other"));
		fields.put("isSexAndLabour", form == null ? null : form.equals("SexAndLabour"));
		for (String field : List.of("isForcedMarriage", "isForcedMilitary", "isOrganRemoval", "isSlaveryAndPractices")) {
			fields.put(field, form == null ? null : "1".equals(record.payload().get(field)));
		}
		fields.put("isAbduction", "1".equals(record.payload().get("isAbduction")));
		MEANS_OF_CONTROL.forEach(means -> fields.put("meansOfControl" + means,
				"1".equals(record.payload().get("meansOfControl" + means))));
		fields.put("meansOfControlNotSpecified", MEANS_OF_CONTROL.stream()
			.noneMatch(means -> "1".equals(record.payload().get("meansOfControl" + means))));
		for (String field : CSV_HEADER) {
			if (field.startsWith("typeOf")) {
				fields.put(field, form == null ? null : "1".equals(record.payload().get(field)));
			}
		}
		return fields;
	}

	/** CTDC writes its age bands with a double hyphen ({@code 9--17}; VERIFY against the current codebook). */
	private static String ctdcAgeBand(String band) {
		return band == null || band.endsWith("+") || band.equals(Classification.UNKNOWN) ? band
				: band.replace("-", "--");
	}

	private static String released(String value) {
		return Generalisation.SUPPRESSED.equals(value) ? null : value;
	}

	private static String flag(boolean value) {
		return value ? "1" : "0";
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
