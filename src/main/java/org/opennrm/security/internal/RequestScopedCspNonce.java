package org.opennrm.security.internal;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.webapp.impl.security.filter.headersec.provider.impl.ContentSecurityPolicyProvider;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives each request to the webapps a CSP nonce of its own. The webapps' header filter writes the nonce of a page's
 * {@code Content-Security-Policy} into an attribute of the servlet context, and the page is then written with the nonce
 * read back from there. The servlet context is shared by every request, so when another request to the webapps passed
 * between the two (another user's, or the same browser's), the page carried that request's nonce, and the browser ran
 * none of the app's scripts: Tasklist, Cockpit or Admin stayed blank until reloaded. Operaton scoped the nonce to the
 * request after 1.0.3; on Camunda 7.24 and Operaton 1.0.3 this filter does the same from the outside: the webapps see
 * the servlet context through the request, and that view keeps this one attribute in the request.
 */
final class RequestScopedCspNonce extends OncePerRequestFilter {

	/** The servlet context attribute that carries the nonce (the webapps' name for it). */
	static final String NONCE_ATTRIBUTE = ContentSecurityPolicyProvider.ATTR_CSP_FILTER_NONCE;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ServletContext context = withNonceOf(request, request.getServletContext());
		chain.doFilter(new HttpServletRequestWrapper(request) {

			@Override
			public ServletContext getServletContext() {
				return context;
			}

		}, response);
	}

	/** The servlet context as it is, except that the nonce attribute is read from and written to the request. */
	static ServletContext withNonceOf(HttpServletRequest request, ServletContext shared) {
		return (ServletContext) Proxy.newProxyInstance(RequestScopedCspNonce.class.getClassLoader(),
				new Class<?>[] { ServletContext.class }, (proxy, method, arguments) -> {
					switch (method.getName()) {
						case "equals" -> {
							return arguments.length == 1 && proxy == arguments[0];
						}
						case "hashCode" -> {
							return System.identityHashCode(proxy);
						}
						case "toString" -> {
							return "the servlet context with the CSP nonce of one request: " + shared;
						}
						default -> {
						}
					}
					if (arguments != null && arguments.length > 0 && NONCE_ATTRIBUTE.equals(arguments[0])) {
						switch (method.getName()) {
							case "getAttribute" -> {
								return request.getAttribute(NONCE_ATTRIBUTE);
							}
							case "setAttribute" -> {
								request.setAttribute(NONCE_ATTRIBUTE, arguments[1]);
								return null;
							}
							case "removeAttribute" -> {
								request.removeAttribute(NONCE_ATTRIBUTE);
								return null;
							}
							default -> {
							}
						}
					}
					try {
						return method.invoke(shared, arguments);
					}
					catch (InvocationTargetException failed) {
						throw failed.getCause();
					}
				});
	}

}
