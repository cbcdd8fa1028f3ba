package org.opennrm.transnational.internal;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.opennrm.casefile.Section;
import org.opennrm.casefile.SectionContent;
import org.opennrm.cases.AgeGroup;
import org.opennrm.identification.SuspectedExploitation;
import org.opennrm.transnational.ReferralKind;
import org.springframework.http.HttpStatus;

/**
 * What a referral carries, inside its JWE (ADR 27): the referral's routing facts for the receiving intake and the
 * chosen fields of the chosen sections, under their HTCDS names. Written by the sender, read strictly by the receiver:
 * an unknown field, a section the receiver's policy does not take, or a value that breaks a section's rules refuses
 * the whole message.
 *
 * @param version the format's version (1)
 * @param referralId the referral's id on both instances
 * @param from the sending country
 * @param to the receiving country
 * @param referralKind return, transfer or assistance
 * @param servicesContinue whether services continue in the sending country
 * @param ageGroup child, adult or uncertain (treated as a child)
 * @param suspectedExploitation the form of exploitation, for the receiving intake
 * @param interpreterNeeded whether the person needs an interpreter
 * @param sections section key to its chosen fields
 */
record ReferralPackage(int version, String referralId, String from, String to, ReferralKind referralKind,
		boolean servicesContinue, AgeGroup ageGroup, SuspectedExploitation suspectedExploitation,
		boolean interpreterNeeded, Map<String, JsonNode> sections) {

	static final int VERSION = 1;

	private static final ObjectMapper WRITER = JsonMapper.builder()
		.addModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
		.build();

	private static final ObjectMapper READER = JsonMapper.builder()
		.addModule(new JavaTimeModule())
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
		.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
		.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
		.build();

	/** The package of a referral with these sections' chosen content (fields not chosen are left out). */
	static ReferralPackage of(String referralId, String from, String to, ReferralKind kind, boolean servicesContinue,
			AgeGroup ageGroup, SuspectedExploitation exploitation, boolean interpreterNeeded,
			Map<Section, SectionContent> content, Map<Section, Set<String>> chosen) {
		Map<String, JsonNode> sections = new LinkedHashMap<>();
		content.forEach((section, value) -> {
			ObjectNode node = WRITER.valueToTree(value);
			node.retain(chosen.getOrDefault(section, Set.of()));
			sections.put(section.key(), node);
		});
		return new ReferralPackage(VERSION, referralId, from, to, kind, servicesContinue, ageGroup, exploitation,
				interpreterNeeded, sections);
	}

	byte[] toJson() {
		try {
			return WRITER.writeValueAsBytes(this);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot write a package", ex);
		}
	}

	/**
	 * Reads a package strictly and checks it against the referral it arrived with.
	 * @throws Refusal 400 naming what is wrong (a field name at most, never a value)
	 */
	static ReferralPackage read(byte[] json, String referralId, String from, String to, Set<Section> accepted,
			Validator validator) {
		ReferralPackage read;
		try {
			read = READER.readValue(json, ReferralPackage.class);
		}
		catch (IOException ex) {
			throw refused("The package is not in the format this instance reads.", from);
		}
		if (read.version() != VERSION || !referralId.equals(read.referralId()) || !from.equals(read.from())
				|| !to.equals(read.to()) || read.referralKind() == null || read.ageGroup() == null
				|| read.suspectedExploitation() == null || read.sections() == null) {
			throw refused("The package does not match the referral it came with.", from);
		}
		for (Map.Entry<Section, SectionContent> section : read.content(accepted, validator).entrySet()) {
			if (section.getValue() == null) {
				throw refused("The package's " + section.getKey().key() + " section is empty.", from);
			}
		}
		return read;
	}

	/**
	 * The sections as the case file's records, each validated.
	 * @throws Refusal for a section not accepted here, an unknown field or a value breaking the section's rules
	 */
	Map<Section, SectionContent> content(Set<Section> accepted, Validator validator) {
		Map<Section, SectionContent> content = new EnumMap<>(Section.class);
		for (Map.Entry<String, JsonNode> entry : this.sections.entrySet()) {
			Section section = Section.byKey(entry.getKey()).orElse(null);
			if (section == null || section == Section.LawEnforcement || !accepted.contains(section)) {
				throw refused("The package carries a section this instance does not take from another country: "
						+ entry.getKey() + ".", this.from);
			}
			SectionContent value;
			try {
				value = READER.treeToValue(entry.getValue(), section.type());
			}
			catch (IOException ex) {
				throw refused("The package's " + section.key() + " section has a field this instance does not know "
						+ "or a value of the wrong type.", this.from);
			}
			Set<ConstraintViolation<SectionContent>> violations = validator.validate(value);
			if (!violations.isEmpty()) {
				Set<String> fields = new TreeSet<>();
				violations.forEach(violation -> fields.add(violation.getPropertyPath().toString()));
				throw refused("The package's " + section.key() + " section breaks its rules in " + fields + ".",
						this.from);
			}
			content.put(section, value);
		}
		return content;
	}

	/** The names of the fields that arrived, by section (those present in the package). */
	Map<Section, Set<String>> fieldNames() {
		Map<Section, Set<String>> names = new TreeMap<>();
		this.sections.forEach((key, node) -> Section.byKey(key).ifPresent(section -> {
			Set<String> fields = new TreeSet<>();
			for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
				String name = it.next();
				if (!node.get(name).isNull()) {
					fields.add(name);
				}
			}
			names.put(section, fields);
		}));
		return names;
	}

	private static Refusal refused(String detail, String from) {
		return new Refusal(HttpStatus.BAD_REQUEST, "invalid-package", detail, from);
	}
}
