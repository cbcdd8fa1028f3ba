package org.opennrm.platform;

import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** Says which field of a JSON body is wrong, without echoing the value that was sent. */
public final class JsonProblems {

	private JsonProblems() {
	}

	public static String describe(JsonProcessingException ex) {
		if (ex instanceof UnrecognizedPropertyException unknown) {
			return "Unknown field '" + unknown.getPropertyName() + "'.";
		}
		if (ex instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String field = mapping.getPath()
				.stream()
				.map(reference -> reference.getFieldName() != null ? reference.getFieldName()
						: String.valueOf(reference.getIndex()))
				.collect(Collectors.joining("."));
			return "Field '" + field + "' has the wrong type or value.";
		}
		if (ex instanceof JsonMappingException) {
			return "The body does not have the expected shape.";
		}
		return "The body is not well-formed JSON.";
	}
}
