package org.opennrm.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.MalformedURLException;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;

class RequestScopedCspNonceTest {

	private static final String NONCE = RequestScopedCspNonce.NONCE_ATTRIBUTE;

	private final MockServletContext shared = new MockServletContext();

	@Test
	void overlapping_requests_each_read_back_the_nonce_they_wrote() {
		ServletContext first = viewOfANewRequest();
		ServletContext second = viewOfANewRequest();

		first.setAttribute(NONCE, "first");
		second.setAttribute(NONCE, "second");

		assertThat(first.getAttribute(NONCE)).isEqualTo("first");
		assertThat(second.getAttribute(NONCE)).isEqualTo("second");
		assertThat(this.shared.getAttribute(NONCE)).isNull();
	}

	@Test
	void removing_the_nonce_removes_it_from_that_request_only() {
		ServletContext first = viewOfANewRequest();
		ServletContext second = viewOfANewRequest();
		first.setAttribute(NONCE, "first");
		second.setAttribute(NONCE, "second");

		second.removeAttribute(NONCE);

		assertThat(second.getAttribute(NONCE)).isNull();
		assertThat(first.getAttribute(NONCE)).isEqualTo("first");
	}

	@Test
	void everything_else_is_the_servlet_context_itself() {
		this.shared.setAttribute("org.springframework.web.context.WebApplicationContext.ROOT", "context");
		this.shared.addInitParameter(NONCE, "an init parameter of that name");
		ServletContext view = viewOfANewRequest();

		view.setAttribute("written", "through");

		assertThat(view.getAttribute("org.springframework.web.context.WebApplicationContext.ROOT")).isEqualTo("context");
		assertThat(this.shared.getAttribute("written")).isEqualTo("through");
		assertThat(view.getInitParameter(NONCE)).isEqualTo("an init parameter of that name");
		assertThat(view.getContextPath()).isEqualTo(this.shared.getContextPath());
	}

	@Test
	void the_servlet_contexts_own_exceptions_come_through_as_they_are() throws Exception {
		ServletContext refusing = mock(ServletContext.class);
		when(refusing.getResource("no leading slash")).thenThrow(new MalformedURLException("no leading slash"));
		ServletContext view = RequestScopedCspNonce.withNonceOf(new MockHttpServletRequest(), refusing);

		assertThatThrownBy(() -> view.getResource("no leading slash")).isInstanceOf(MalformedURLException.class)
			.hasMessage("no leading slash");
	}

	@Test
	void a_view_equals_itself_only() {
		ServletContext view = viewOfANewRequest();
		ServletContext other = viewOfANewRequest();

		assertThat(view).isEqualTo(view).isNotEqualTo(other).isNotEqualTo(this.shared);
		assertThat(view.hashCode()).isEqualTo(view.hashCode());
		assertThat(view.toString()).contains("CSP nonce of one request");
	}

	@Test
	void the_webapps_behind_the_filter_see_the_view_through_the_request() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest(this.shared);
		AtomicReference<Object> readBack = new AtomicReference<>();

		new RequestScopedCspNonce().doFilter(request, new MockHttpServletResponse(), (passed, response) -> {
			passed.getServletContext().setAttribute(NONCE, "own");
			readBack.set(passed.getServletContext().getAttribute(NONCE));
		});

		assertThat(readBack.get()).isEqualTo("own");
		assertThat(request.getAttribute(NONCE)).isEqualTo("own");
		assertThat(this.shared.getAttribute(NONCE)).isNull();
	}

	private ServletContext viewOfANewRequest() {
		return RequestScopedCspNonce.withNonceOf(new MockHttpServletRequest(this.shared), this.shared);
	}

}
