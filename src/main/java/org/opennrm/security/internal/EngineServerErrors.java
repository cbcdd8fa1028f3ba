package org.opennrm.security.internal;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The engine's REST resources answer a server-side failure with the exception's type and message, and a database
 * failure's message carries the SQL statement (MyBatis writes it in). Every 5xx answer of {@code /engine-rest/**} and
 * the webapps' {@code /camunda/api/**} is replaced by a problem response that says only that nothing was changed; the
 * engine has logged the cause already.
 */
class EngineServerErrors extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(EngineServerErrors.class);

	private final ProblemResponses problems;

	EngineServerErrors(ObjectMapper objectMapper) {
		this.problems = new ProblemResponses(objectMapper);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !path.startsWith("/engine-rest/") && !path.startsWith("/camunda/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, buffered);
		if (buffered.getStatus() >= 500 && !response.isCommitted()) {
			log.warn("The engine answered {} {} with {}; its body was replaced", request.getMethod(),
					request.getRequestURI(), buffered.getStatus());
			HttpStatus status = HttpStatus.resolve(buffered.getStatus());
			buffered.resetBuffer();
			this.problems.write(request, buffered, status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status,
					"The request could not be completed. Nothing was changed.");
		}
		buffered.copyBodyToResponse();
	}
}
