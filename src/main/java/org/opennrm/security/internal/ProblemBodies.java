package org.opennrm.security.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Problem responses (RFC 9457) for the engine's HTTP APIs, shaped like our API's. They carry a {@code message} as
 * well, the member the Camunda webapps show to the user, so Tasklist and Cockpit say in words what was refused.
 */
final class ProblemBodies {

	private static final ObjectMapper JSON = new ObjectMapper();

	private ProblemBodies() {
	}

	static Response response(int status, String detail) {
		return response(status, detail, Map.of());
	}

	/**
	 * @param errors field name to what is wrong with it; empty for none
	 */
	static Response response(int status, String detail, Map<String, String> errors) {
		return Response.status(status)
			.type(MediaType.APPLICATION_PROBLEM_JSON_VALUE)
			.entity(json(status, detail, errors))
			.build();
	}

	static String json(int status, String detail, Map<String, String> errors) {
		Map<String, Object> problem = new LinkedHashMap<>();
		HttpStatus known = HttpStatus.resolve(status);
		problem.put("type", "about:blank");
		problem.put("title", known == null ? "Error" : known.getReasonPhrase());
		problem.put("status", status);
		problem.put("detail", detail);
		if (!errors.isEmpty()) {
			problem.put("errors", errors);
		}
		problem.put("message", errors.isEmpty() ? detail
				: detail + " " + errors.entrySet()
					.stream()
					.map(error -> error.getKey() + ": " + error.getValue())
					.collect(Collectors.joining("; ")));
		try {
			return JSON.writeValueAsString(problem);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
