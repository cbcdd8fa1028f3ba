package org.opennrm.security.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What an API token's scopes open (ADR 21): each configured scope names request patterns ({@code GET /api/tasks/**},
 * or a path pattern for every method); a request made with a token passes only if one of the token's scopes opens it.
 * This only narrows: the user's roles, the engine API surface and the engine's rules still decide as for anyone.
 * Requests without a token (HTTP Basic in the embedded default) are not affected.
 */
class ApiScopes extends OncePerRequestFilter {

	private final Map<String, List<RequestMatcher>> opens = new LinkedHashMap<>();

	private final ProblemResponses problems;

	ApiScopes(Map<String, List<String>> scopes, ProblemResponses problems) {
		this.problems = problems;
		scopes.forEach((scope, patterns) -> {
			List<RequestMatcher> matchers = new ArrayList<>();
			for (String pattern : patterns) {
				String[] parts = pattern.trim().split("\\s+", 2);
				matchers.add(parts.length == 2 ? WebSecurityConfiguration.path(HttpMethod.valueOf(parts[0]), parts[1])
						: WebSecurityConfiguration.path(parts[0]));
			}
			this.opens.put(scope, List.copyOf(matchers));
		});
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getDetails() instanceof BearerTokens.TokenScopes token
				&& !opened(token, request)) {
			this.problems.write(request, response, HttpStatus.FORBIDDEN, "problem.scopeDoesNotAllow");
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean opened(BearerTokens.TokenScopes token, HttpServletRequest request) {
		for (String scope : token.scopes()) {
			for (RequestMatcher matcher : this.opens.getOrDefault(scope, List.of())) {
				if (matcher.matches(request)) {
					return true;
				}
			}
		}
		return false;
	}
}
