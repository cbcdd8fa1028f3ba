package org.opennrm.security.internal;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One spelling per path. Spring Security's firewall already refuses doubled slashes, semicolons (matrix parameters),
 * encoded slashes, dots and percent signs, and backslashes; this refuses what it lets through and no producer of URLs
 * should send (RFC 3986, section 2.3): letters, digits, {@code -}, {@code .}, {@code _} and {@code ~} written as
 * percent-escapes ({@code /engine%2Drest/task}). Such a path would otherwise reach a servlet under one spelling while
 * every check that reads the raw path saw another. Requests that ask to override their HTTP method are refused too:
 * the method is the one on the request line.
 */
class CanonicalPaths extends OncePerRequestFilter {

	private static final Pattern ENCODED_UNRESERVED = Pattern
		.compile("%(?:[46][1-9A-Fa-f]|[57][0-9Aa]|3[0-9]|2[Dd]|2[Ee]|5[Ff]|7[Ee])");

	private static final List<String> METHOD_OVERRIDES = List.of("X-HTTP-Method-Override", "X-HTTP-Method",
			"X-Method-Override");

	private final ProblemResponses problems;

	CanonicalPaths(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (ENCODED_UNRESERVED.matcher(request.getRequestURI()).find()) {
			this.problems.write(request, response, HttpStatus.BAD_REQUEST, "problem.path.escapedUnreserved");
			return;
		}
		if (METHOD_OVERRIDES.stream().anyMatch(header -> request.getHeader(header) != null)) {
			this.problems.write(request, response, HttpStatus.BAD_REQUEST, "problem.path.methodOverride");
			return;
		}
		chain.doFilter(request, response);
	}
}
