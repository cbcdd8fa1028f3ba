package org.opennrm.platform.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that never reached a controller (a request the firewall refused, a webapp's own 401, a path nobody serves)
 * answer as problem responses like every other error of the service, with a text for the caller and nothing about the
 * request's internals. Browsers asking for HTML still get the error page.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController extends BasicErrorController {

	ProblemErrorController(ErrorAttributes errorAttributes, ServerProperties serverProperties,
			ObjectProvider<ErrorViewResolver> errorViewResolvers) {
		super(errorAttributes, serverProperties.getError(), errorViewResolvers.orderedStream().toList());
	}

	@Override
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		if (status == HttpStatus.NO_CONTENT) {
			return new ResponseEntity<>(status);
		}
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail(status));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	static String detail(HttpStatus status) {
		return switch (status) {
			case BAD_REQUEST -> "The request was refused before it reached the service: its path or headers are not in a "
					+ "form this service accepts.";
			case UNAUTHORIZED -> "Authentication is required to use this resource.";
			case FORBIDDEN -> "The request was refused before it reached the service (a missing or wrong CSRF token, or a "
					+ "path that is closed).";
			case NOT_FOUND -> "No such resource.";
			case METHOD_NOT_ALLOWED -> "This resource does not take this method.";
			case PAYLOAD_TOO_LARGE -> "The request is too large.";
			default -> status.is5xxServerError() ? "The request could not be completed. Nothing was changed."
					: "The request was refused.";
		};
	}
}
