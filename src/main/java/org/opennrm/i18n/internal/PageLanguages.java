package org.opennrm.i18n.internal;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.opennrm.i18n.Texts;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * The language switch of the service's pages: every page rendered gets {@code pageLanguages} (the language it speaks,
 * the languages there are, each named in itself, and where to come back to), and the switch's form posts here. A
 * signed-in user's choice is kept for every device they sign in on; before sign-in it is kept in a cookie.
 */
@Controller
class PageLanguages implements HandlerInterceptor {

	/** The model attribute the layout's switch reads. */
	static final String MODEL = "pageLanguages";

	/** Longest address the switch comes back to. */
	private static final int MAX_NEXT = 512;

	private final SupportedLanguages languages;

	private final RequestLanguages requestLanguages;

	private final Texts texts;

	PageLanguages(SupportedLanguages languages, RequestLanguages requestLanguages, Texts texts) {
		this.languages = languages;
		this.requestLanguages = requestLanguages;
		this.texts = texts;
	}

	@PostMapping(path = "/language", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	String choose(@RequestParam String language, @RequestParam(required = false) String next,
			HttpServletRequest request, HttpServletResponse response) {
		Locale chosen = this.languages.byTag(language)
			.orElseThrow(() -> LanguageController.notOffered(this.texts));
		this.requestLanguages.setLocale(request, response, chosen);
		return "redirect:" + local(next);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView view) {
		if (view == null || view.getViewName() == null || view.getViewName().startsWith("redirect:")) {
			return;
		}
		String query = request.getQueryString();
		String next = request.getRequestURI() + (query == null ? "" : "?" + query);
		Locale current = this.requestLanguages.resolveLocale(request);
		view.addObject(MODEL, new Switch(current.toLanguageTag(), this.languages.supported()
			.stream()
			.map(language -> new Offered(language.toLanguageTag(), this.languages.nameOf(language)))
			.toList(), local(next)));
	}

	/** An address of this service to come back to: a path of its own, never another site's. */
	static String local(String next) {
		if (next == null || next.length() > MAX_NEXT || !next.startsWith("/") || next.startsWith("//")
				|| next.chars().anyMatch(c -> c == '\\' || Character.isISOControl(c))) {
			return "/";
		}
		return next;
	}

	/**
	 * What the switch shows.
	 *
	 * @param current the tag of the language the page speaks
	 * @param offered the languages there are
	 * @param next where to come back to after choosing
	 */
	record Switch(String current, List<Offered> offered, String next) {
	}

	/**
	 * @param tag a BCP 47 tag
	 * @param name the language's name in itself
	 */
	record Offered(String tag, String name) {
	}
}
