package org.opennrm.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;

class RequestScopedCspNonceTest {

	private final MockServletContext shared = new MockServletContext();

	@Test
	void overlapping_requests_each_read_back_the_nonce_they_wrote() {
		ServletContext first = RequestScopedCspNonce.withNonceOf(new MockHttpServletRequest(this.shared), this.shared);
		ServletContext second = RequestScopedCspNonce.withNonceOf(new MockHttpServletRequest(this.shared), this.shared);

		first.setAttribute(RequestScopedCspNonce.NONCE, "first");
		second.setAttribute(RequestScopedCspNonce.NONCE, "second");

		assertThat(first.getAttribute(RequestScopedCspNonce.NONCE)).isEqualTo("first");
		assertThat(second.getAttribute(RequestScopedCspNonce.NONCE)).isEqualTo("second");
		assertThat(this.shared.getAttribute(RequestScopedCspNonce.NONCE)).isNull();
		second.removeAttribute(RequestScopedCspNonce.NONCE);
		assertThat(second.getAttribute(RequestScopedCspNonce.NONCE)).isNull();
		assertThat(first.getAttribute(RequestScopedCspNonce.NONCE)).isEqualTo("first");
	}

	@Test
	void everything_else_is_the_servlet_context_itself() {
		this.shared.setAttribute("org.springframework.web.context.WebApplicationContext.ROOT", "context");
		ServletContext view = RequestScopedCspNonce.withNonceOf(new MockHttpServletRequest(this.shared), this.shared);

		view.setAttribute("written", "through");

		assertThat(view.getAttribute("org.springframework.web.context.WebApplicationContext.ROOT")).isEqualTo("context");
		assertThat(this.shared.getAttribute("written")).isEqualTo("through");
		assertThat(view.getContextPath()).isEqualTo(this.shared.getContextPath());
	}

	@Test
	void the_webapps_behind_the_filter_see_the_view_through_the_request() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest(this.shared);
		AtomicReference<Object> readBack = new AtomicReference<>();

		new RequestScopedCspNonce().doFilter(request, new MockHttpServletResponse(), (passed, response) -> {
			passed.getServletContext().setAttribute(RequestScopedCspNonce.NONCE, "own");
			readBack.set(passed.getServletContext().getAttribute(RequestScopedCspNonce.NONCE));
		});

		assertThat(readBack.get()).isEqualTo("own");
		assertThat(request.getAttribute(RequestScopedCspNonce.NONCE)).isEqualTo("own");
		assertThat(this.shared.getAttribute(RequestScopedCspNonce.NONCE)).isNull();
	}

}
