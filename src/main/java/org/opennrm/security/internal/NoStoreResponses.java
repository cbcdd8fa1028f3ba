package org.opennrm.security.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Case data is never kept by a browser or a proxy: every answer of the engine's REST resources and of the webapps'
 * APIs says {@code Cache-Control: no-store}, whatever the resource itself sets (the engine sets {@code no-cache}, which
 * still lets a browser store the answer; the webapps' APIs set nothing). Our own API gets it from Spring Security.
 */
class NoStoreResponses extends OncePerRequestFilter {

	static final String NO_STORE = "no-store";

	/** By the servlet the container mapped the request to, whatever the spelling of its URL. */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return EngineApi.ofServletPath(request.getServletPath()).isEmpty();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
		chain.doFilter(request, new HttpServletResponseWrapper(response) {

			@Override
			public void setHeader(String name, String value) {
				if (!HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
					super.setHeader(name, value);
				}
			}

			@Override
			public void addHeader(String name, String value) {
				if (!HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
					super.addHeader(name, value);
				}
			}
		});
	}
}
