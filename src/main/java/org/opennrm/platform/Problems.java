package org.opennrm.platform;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Problem responses (RFC 9457) that business code raises. The text is for the caller: it names what is wrong with
 * the request, never internals, SQL or personal data.
 */
public final class Problems {

	private Problems() {
	}

	public static ErrorResponseException notFound(String detail) {
		return of(HttpStatus.NOT_FOUND, detail);
	}

	public static ErrorResponseException conflict(String detail) {
		return of(HttpStatus.CONFLICT, detail);
	}

	public static ErrorResponseException forbidden(String detail) {
		return of(HttpStatus.FORBIDDEN, detail);
	}

	public static ErrorResponseException badRequest(String detail) {
		return of(HttpStatus.BAD_REQUEST, detail);
	}

	/** A 400 naming each invalid field and what is wrong with it. */
	public static ErrorResponseException invalid(String detail, Map<String, String> fieldErrors) {
		ErrorResponseException exception = of(HttpStatus.BAD_REQUEST, detail);
		exception.getBody().setProperty("errors", Map.copyOf(fieldErrors));
		return exception;
	}

	private static ErrorResponseException of(HttpStatus status, String detail) {
		return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
	}
}
