package org.opennrm.i18n.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.opennrm.i18n.LanguagePreferences;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language a request is answered in, on every path (pages, our API, the engine's APIs, the webapps): the signed-in
 * user's choice; else the language chosen on this browser before signing in (a cookie); else the best match for the
 * browser's {@code Accept-Language}; else English. Spring MVC uses it as its {@code localeResolver}, and
 * {@link LanguageFilter} for everything else.
 */
final class RequestLanguages implements LocaleResolver {

	static final String COOKIE = "NRM_LANG";

	private final SupportedLanguages languages;

	private final LanguagePreferences preferences;

	RequestLanguages(SupportedLanguages languages, LanguagePreferences preferences) {
		this.languages = languages;
		this.preferences = preferences;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		Optional<String> user = signedInUser(request);
		if (user.isPresent()) {
			Optional<Locale> chosen = this.preferences.of(user.get());
			if (chosen.isPresent()) {
				return chosen.get();
			}
		}
		return cookie(request).orElseGet(() -> this.languages.bestFor(request.getHeader("Accept-Language")));
	}

	/** Remembers a choice: for the signed-in user, and on this browser (so the sign-in page speaks it too). */
	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		if (locale == null || !this.languages.supported().contains(locale)) {
			throw new IllegalArgumentException("Not a supported language");
		}
		signedInUser(request).ifPresent(user -> this.preferences.choose(user, locale));
		ResponseCookie cookie = ResponseCookie.from(COOKIE, locale.toLanguageTag())
			.path("/")
			.maxAge(Duration.ofDays(365))
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Strict")
			.build();
		response.addHeader("Set-Cookie", cookie.toString());
	}

	private Optional<Locale> cookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName())) {
				return this.languages.byTag(cookie.getValue());
			}
		}
		return Optional.empty();
	}

	/** Who is signed in: through Spring Security, or in a webapp's own session. */
	static Optional<String> signedInUser(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			return Optional.of(authentication.getName());
		}
		Authentications webapp = Authentications.getCurrent();
		HttpSession session = request.getSession(false);
		if (webapp == null && session != null) {
			webapp = AuthenticationUtil.getAuthsFromSession(session);
		}
		if (webapp == null) {
			return Optional.empty();
		}
		return webapp.getAuthentications()
			.stream()
			.filter(UserAuthentication.class::isInstance)
			.map(org.camunda.bpm.webapp.impl.security.auth.Authentication::getName)
			.findFirst();
	}
}
