package org.opennrm.security.internal;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.opennrm.i18n.Texts;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 answers of the security layer as RFC 9457 problem responses, with a generic text that names neither
 * the user nor why the credentials failed.
 */
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final String REALM = "OpenNRM";

	private final ObjectMapper objectMapper;

	private final Texts texts;

	private final String challenge;

	ProblemResponses(ObjectMapper objectMapper, Texts texts) {
		this(objectMapper, texts, "Basic realm=\"" + REALM + "\"");
	}

	/** @param challenge the {@code WWW-Authenticate} of a 401: the schemes the API takes ({@code null} for none) */
	ProblemResponses(ObjectMapper objectMapper, Texts texts, String challenge) {
		this.objectMapper = objectMapper;
		this.texts = texts;
		this.challenge = challenge;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		if (this.challenge != null) {
			response.setHeader("WWW-Authenticate", this.challenge);
		}
		write(request, response, HttpStatus.UNAUTHORIZED,
				authException instanceof IdentityStoreAuthenticationProvider.SecondFactorRequired
						? "problem.secondFactorRequired" : "problem.signInRequired");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			org.springframework.security.access.AccessDeniedException accessDeniedException) throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, "problem.roleDoesNotAllow");
	}

	/** Writes a problem whose detail is the catalogue text of a code, in the request's language. */
	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
			Object... arguments) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, this.texts.say(code, arguments));
		problem.setTitle(this.texts.sayOr(LocaleContextHolder.getLocale(), "problem.title." + status.value(),
				status.getReasonPhrase()));
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.objectMapper.writeValue(response.getOutputStream(), problem);
	}
}
