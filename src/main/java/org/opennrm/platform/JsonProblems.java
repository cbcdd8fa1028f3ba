package org.opennrm.platform;

import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.opennrm.i18n.Text;
import org.springframework.web.ErrorResponseException;

/** Says which field of a JSON body is wrong, without echoing the value that was sent. */
public final class JsonProblems {

	private JsonProblems() {
	}

	public static Text describe(JsonProcessingException ex) {
		if (ex instanceof UnrecognizedPropertyException unknown) {
			return Text.of("problem.json.unknownField", unknown.getPropertyName());
		}
		if (ex instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String field = mapping.getPath()
				.stream()
				.map(reference -> reference.getFieldName() != null ? reference.getFieldName()
						: String.valueOf(reference.getIndex()))
				.collect(Collectors.joining("."));
			return Text.of("problem.json.wrongField", field);
		}
		if (ex instanceof JsonMappingException) {
			return Text.of("problem.json.wrongShape");
		}
		return Text.of("problem.json.malformed");
	}

	/** The same, as a 400 problem. */
	public static ErrorResponseException badRequest(JsonProcessingException ex) {
		Text text = describe(ex);
		return Problems.badRequest(text.code(), text.arguments());
	}
}
