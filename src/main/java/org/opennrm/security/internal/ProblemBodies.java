package org.opennrm.security.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import org.opennrm.i18n.Text;
import org.opennrm.i18n.Texts;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.context.support.WebApplicationContextUtils;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Problem responses (RFC 9457) for the engine's HTTP APIs, shaped like our API's. They carry a {@code message} as
 * well, the member the Camunda webapps show to the user, so Tasklist and Cockpit say in words what was refused.
 */
final class ProblemBodies {

	private static final ObjectMapper JSON = new ObjectMapper();

	private ProblemBodies() {
	}

	static Response response(Texts texts, Locale language, int status, Text detail) {
		return Response.status(status)
			.type(MediaType.APPLICATION_PROBLEM_JSON_VALUE)
			.entity(json(texts, language, status, detail, Map.of()))
			.build();
	}

	/**
	 * The body, in the language of the request being answered.
	 *
	 * @param language the reader's, from {@link #language}
	 * @param errors field name to what is wrong with it; empty for none
	 */
	static String json(Texts texts, Locale language, int status, Text detail, Map<String, Text> errors) {
		Map<String, Object> problem = new LinkedHashMap<>();
		HttpStatus known = HttpStatus.resolve(status);
		String said = texts.say(language, detail);
		Map<String, String> fields = new TreeMap<>();
		errors.forEach((field, error) -> fields.put(field, texts.say(language, error)));
		problem.put("type", "about:blank");
		problem.put("title", texts.sayOr(language, "problem.title." + status,
				known == null ? String.valueOf(status) : known.getReasonPhrase()));
		problem.put("status", status);
		problem.put("detail", said);
		if (!fields.isEmpty()) {
			problem.put("errors", fields);
		}
		problem.put("message", fields.isEmpty() ? said
				: said + " " + fields.entrySet()
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

	/**
	 * The reader's language for a request to the engine's APIs, from the request itself (the user's choice, the cookie,
	 * the browser): filters around the engine's servlets set the thread's locale to the browser's.
	 */
	static Locale language(ServletContext servletContext, HttpServletRequest request) {
		return WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext)
			.getBean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME, LocaleResolver.class)
			.resolveLocale(request);
	}

	/** The service's texts, for a Jersey component that Spring did not make. */
	static Texts texts(ServletContext servletContext) {
		return WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext).getBean(Texts.class);
	}
}
