package org.opennrm.tasks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
import org.opennrm.platform.InvalidFields;
import org.opennrm.platform.JsonProblems;
import org.opennrm.platform.Problems;
import org.springframework.stereotype.Component;

/**
 * Turns submitted form values into process variables, one way for every path. A form is a record: its components are
 * the variable names (and the keys of the Camunda Form), its Bean Validation constraints the rules. Only the record's
 * components ever become variables, so nothing else a caller sends can reach the process.
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
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.build();
		this.lenient = JsonMapper.builder()
			.addModule(new JavaTimeModule())
			.enable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
			.build();
	}

	/** Parses and validates a JSON body strictly; the answer is the variables it sets. */
	public <F extends Record> Map<String, Object> fromBody(Class<F> type, JsonNode body) {
		if (body == null || !body.isObject()) {
			throw Problems.badRequest("The body must be a JSON object of the fields of " + type.getSimpleName() + ".");
		}
		try {
			return variablesOf(validated(this.strict.treeToValue(body, type)));
		}
		catch (JsonProcessingException ex) {
			throw Problems.badRequest(JsonProblems.describe(ex));
		}
	}

	/** Validates an already parsed body; the answer is the variables it sets. */
	public Map<String, Object> fromRecord(Record value) {
		return variablesOf(validated(value));
	}

	/**
	 * Checks the variables a process holds for a form, whichever path set them (a Camunda Form in Tasklist
	 * included), and gives them back in their canonical types, as our API would have set them.
	 * @throws InvalidFields if they break the form's rules
	 */
	public Map<String, Object> canonical(Class<? extends Record> type, Map<String, ?> variables) {
		Map<String, Object> fields = new LinkedHashMap<>();
		Arrays.stream(type.getRecordComponents())
			.forEach(component -> fields.put(component.getName(), variables.get(component.getName())));
		Record value;
		try {
			value = this.lenient.convertValue(fields, type);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidFields(Map.of("form", "Some fields have the wrong type or value."));
		}
		return variablesOf(validated(value));
	}

	private Record validated(Record value) {
		Set<ConstraintViolation<Record>> violations = this.validator.validate(value);
		if (!violations.isEmpty()) {
			Map<String, String> byField = new TreeMap<>();
			violations.forEach(violation -> byField.merge(violation.getPropertyPath().toString(), violation.getMessage(),
					(first, second) -> first + "; " + second));
			throw new InvalidFields(byField);
		}
		return value;
	}

	private Map<String, Object> variablesOf(Record value) {
		return this.strict.convertValue(value, MAP);
	}
}
