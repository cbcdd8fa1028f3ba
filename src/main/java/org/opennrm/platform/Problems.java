package org.opennrm.platform;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Problem responses (RFC 9457) that business code raises. The detail is a catalogue code with its arguments
 * ({@code config/i18n/messages.properties}), said in the caller's language when the answer is written: it names
 * what is wrong with the request, never internals, SQL or personal data. Field errors are {@link InvalidFields}.
 */
public final class Problems {

	private Problems() {
	}

	public static ErrorResponseException notFound(String code, Object... arguments) {
		return of(HttpStatus.NOT_FOUND, code, arguments);
	}

	public static ErrorResponseException conflict(String code, Object... arguments) {
		return of(HttpStatus.CONFLICT, code, arguments);
	}

	public static ErrorResponseException forbidden(String code, Object... arguments) {
		return of(HttpStatus.FORBIDDEN, code, arguments);
	}

	public static ErrorResponseException badRequest(String code, Object... arguments) {
		return of(HttpStatus.BAD_REQUEST, code, arguments);
	}

	private static ErrorResponseException of(HttpStatus status, String code, Object[] arguments) {
		return new ErrorResponseException(status, ProblemDetail.forStatus(status), null, code, arguments.clone());
	}
}
