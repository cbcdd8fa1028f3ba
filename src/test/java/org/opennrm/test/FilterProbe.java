package org.opennrm.test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Runs a request through a filter and says what the servlet behind it saw. */
public final class FilterProbe {

	private FilterProbe() {
	}

	/**
	 * The names of the request's attributes when a {@code GET} of the path has passed the filter and reaches the
	 * servlet behind it; fails unless the answer is 200.
	 */
	public static List<String> attributesSeenBehind(Filter filter, String path) throws Exception {
		List<String> seen = new ArrayList<>();
		HttpServlet servlet = new HttpServlet() {
			@Override
			protected void service(HttpServletRequest request, HttpServletResponse response) {
				seen.addAll(Collections.list(request.getAttributeNames()));
			}
		};
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(new MockHttpServletRequest("GET", path), response, new MockFilterChain(servlet));
		if (response.getStatus() != 200) {
			throw new AssertionError("GET " + path + " through the filter answered " + response.getStatus());
		}
		return seen;
	}
}
