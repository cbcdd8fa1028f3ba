package org.opennrm.tasks;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.opennrm.platform.InvalidFields;
import org.opennrm.platform.JsonProblems;
import org.opennrm.platform.Problems;
import org.springframework.stereotype.Component;

/**
 * Turns submitted form values into process variables, one way for every path. A form is a record: its components are
 * the variable names (and the keys of the Camunda Form), its Bean Validation constraints the rules. Only the record's
 * components ever become variables, so nothing else a caller sends can reach the process; {@link Sensitive} fields
 * are split off for the case file and {@link DisplayOnly} fields are never written.
 */
@Component
public class FormValues {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final Validator validator;

	/** For API bodies: no unknown fields, no coercion between types. */
	private final ObjectMapper strict;

	/** For values Tasklist stored: strings from radios, longs from number fields, "" for an empty select. */
	private final ObjectMapper lenient;

	FormValues(Validator validator) {
		this.validator = validator;
		this.strict = JsonMapper.builder()
			.addModule(new JavaTimeModule())
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
			.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.build();
		this.lenient = JsonMapper.builder()
			.addModule(new JavaTimeModule())
			.enable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
			.build();
	}

	/** Parses and validates a JSON body strictly. */
	public <F extends Record> Submission fromBody(Class<F> type, JsonNode body) {
		if (body == null || !body.isObject()) {
			throw Problems.badRequest("problem.form.notAnObject", type.getSimpleName());
		}
		try {
			return submissionOf(validated(this.strict.treeToValue(body, type)));
		}
		catch (JsonProcessingException ex) {
			throw JsonProblems.badRequest(ex);
		}
	}

	/** Validates an already built form. */
	public Submission fromRecord(Record value) {
		return submissionOf(validated(value));
	}

	/**
	 * Checks the variables a process holds for a form, whichever path set them (a Camunda Form in Tasklist
	 * included), and gives them back in their canonical types, as our API would have set them.
	 * @throws InvalidFields if they break the form's rules
	 */
	public Submission canonical(Class<? extends Record> type, Map<String, ?> variables) {
		Map<String, Object> fields = new LinkedHashMap<>();
		Arrays.stream(type.getRecordComponents())
			.forEach(component -> fields.put(component.getName(), plain(variables.get(component.getName()))));
		Record value;
		try {
			value = this.lenient.convertValue(fields, type);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidFields.of("form", "problem.form.wrongTypes");
		}
		return submissionOf(validated(value));
	}

	/** The names of a form's sensitive fields. */
	public static Set<String> sensitiveFields(Class<? extends Record> type) {
		return Arrays.stream(type.getRecordComponents())
			.filter(component -> component.isAnnotationPresent(Sensitive.class))
			.map(RecordComponent::getName)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/**
	 * A validated form split by where each field goes.
	 *
	 * @param form the form itself
	 * @param variables the fields that become process variables, in their canonical types
	 * @param sensitive the sensitive fields, for the case file only
	 */
	public record Submission(Record form, Map<String, Object> variables, Map<String, Object> sensitive) {

		/**
		 * What to complete the task with: the variables, and the sensitive fields as transient values that the engine
		 * holds for this one command only (the task's sink keeps them; no engine table or history ever does).
		 */
		public VariableMap toCompletion() {
			VariableMap completion = Variables.fromMap(this.variables);
			this.sensitive.forEach((name, value) -> completion.putValueTyped(name, transientValue(value)));
			return completion;
		}

		private static TypedValue transientValue(Object value) {
			if (value == null) {
				return Variables.untypedNullValue(true);
			}
			if (value instanceof String text) {
				return Variables.stringValue(text, true);
			}
			if (value instanceof Boolean flag) {
				return Variables.booleanValue(flag, true);
			}
			if (value instanceof Integer number) {
				return Variables.integerValue(number, true);
			}
			if (value instanceof Long number) {
				return Variables.longValue(number, true);
			}
			return Variables.objectValue(value, true).create();
		}
	}

	/** JSON values that Tasklist stores as Spin JSON (a checklist's selection) become plain lists and maps. */
	private Object plain(Object value) {
		if (value != null && value.getClass().getName().startsWith("org.camunda.spin.")) {
			try {
				return this.lenient.readValue(value.toString(), Object.class);
			}
			catch (JsonProcessingException ex) {
				throw InvalidFields.of("form", "problem.form.unreadableJson");
			}
		}
		return value;
	}

	private Record validated(Record value) {
		Set<ConstraintViolation<Record>> violations = this.validator.validate(value);
		if (!violations.isEmpty()) {
			Map<String, String> byField = new TreeMap<>();
			violations.forEach(violation -> byField.merge(violation.getPropertyPath().toString(), violation.getMessage(),
					(first, second) -> first + "; " + second));
			throw InvalidFields.said(byField);
		}
		return value;
	}

	private Submission submissionOf(Record value) {
		Map<String, Object> all = this.strict.convertValue(value, MAP);
		Map<String, Object> variables = new LinkedHashMap<>();
		Map<String, Object> sensitive = new LinkedHashMap<>();
		for (RecordComponent component : value.getClass().getRecordComponents()) {
			String name = component.getName();
			if (component.isAnnotationPresent(Sensitive.class)) {
				sensitive.put(name, all.get(name));
			}
			else if (!component.isAnnotationPresent(DisplayOnly.class)) {
				variables.put(name, all.get(name));
			}
		}
		return new Submission(value, variables, sensitive);
	}
}
