package org.opennrm.platform.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.opennrm.i18n.Texts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.i18n.LocaleContextHolder;
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

	private final Texts texts;

	ProblemErrorController(ErrorAttributes errorAttributes, ServerProperties serverProperties,
			ObjectProvider<ErrorViewResolver> errorViewResolvers, Texts texts) {
		super(errorAttributes, serverProperties.getError(), errorViewResolvers.orderedStream().toList());
		this.texts = texts;
	}

	@Override
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		if (status == HttpStatus.NO_CONTENT) {
			return new ResponseEntity<>(status);
		}
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", this.texts.sayOr(LocaleContextHolder.getLocale(), "problem.title." + status.value(),
				status.getReasonPhrase()));
		problem.put("status", status.value());
		problem.put("detail", this.texts.say(detail(status)));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** The catalogue code of what to say about a status. */
	static String detail(HttpStatus status) {
		return switch (status) {
			case BAD_REQUEST -> "problem.container.badRequest";
			case UNAUTHORIZED -> "problem.signInRequired";
			case FORBIDDEN -> "problem.container.forbidden";
			case NOT_FOUND -> "problem.noSuchResource";
			case METHOD_NOT_ALLOWED -> "problem.methodNotAllowed";
			case PAYLOAD_TOO_LARGE -> "problem.tooLarge";
			default -> status.is5xxServerError() ? "problem.failedNothingChanged" : "problem.refused";
		};
	}
}
