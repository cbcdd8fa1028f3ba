package org.opennrm.i18n.internal;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers every request in its language, whichever servlet serves it: the engine's APIs and the webapps are not
 * Spring MVC, so Spring's own locale handling would not reach them. The language is worked out when first asked for
 * (by then the user is known), and forgotten when the request ends so that a pooled thread carries nothing over.
 */
final class LanguageFilter extends OncePerRequestFilter {

	private final RequestLanguages languages;

	LanguageFilter(RequestLanguages languages) {
		this.languages = languages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		LocaleContext previous = LocaleContextHolder.getLocaleContext();
		LocaleContextHolder.setLocaleContext(new LocaleContext() {
			@Override
			public Locale getLocale() {
				return LanguageFilter.this.languages.resolveLocale(request);
			}
		});
		try {
			chain.doFilter(request, response);
		}
		finally {
			LocaleContextHolder.setLocaleContext(previous);
		}
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}
}
