package org.opennrm.i18n.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.opennrm.i18n.LanguagePreferences;
import org.opennrm.i18n.Texts;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's language: which it is, which there are, and choosing one. */
@RestController
@RequestMapping(path = "/api/me/language", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Language", description = "The language the service speaks to me")
class LanguageController {

	private final SupportedLanguages languages;

	private final LanguagePreferences preferences;

	private final RequestLanguages requestLanguages;

	private final Texts texts;

	LanguageController(SupportedLanguages languages, LanguagePreferences preferences, RequestLanguages requestLanguages,
			Texts texts) {
		this.languages = languages;
		this.preferences = preferences;
		this.requestLanguages = requestLanguages;
		this.texts = texts;
	}

	@GetMapping
	@Operation(summary = "My language, whether I chose it, and the languages there are")
	LanguageChoice mine(HttpServletRequest request) {
		return choice(request);
	}

	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Choose my language, on every path and every device I sign in on")
	LanguageChoice choose(@Valid @RequestBody ChooseLanguage body, HttpServletRequest request,
			HttpServletResponse response) {
		Locale language = this.languages.byTag(body.language()).orElseThrow(this::notOffered);
		this.requestLanguages.setLocale(request, response, language);
		return new LanguageChoice(language.toLanguageTag(), true, offered());
	}

	@DeleteMapping
	@Operation(summary = "Forget my choice: the service speaks my browser's language again")
	ResponseEntity<Void> forget(HttpServletRequest request) {
		RequestLanguages.signedInUser(request).ifPresent(this.preferences::forget);
		return ResponseEntity.noContent().build();
	}

	private LanguageChoice choice(HttpServletRequest request) {
		Optional<Locale> chosen = RequestLanguages.signedInUser(request).flatMap(this.preferences::of);
		Locale language = chosen.orElseGet(() -> this.requestLanguages.resolveLocale(request));
		return new LanguageChoice(language.toLanguageTag(), chosen.isPresent(), offered());
	}

	private List<Language> offered() {
		return this.languages.supported()
			.stream()
			.map(language -> new Language(language.toLanguageTag(), this.languages.nameOf(language)))
			.toList();
	}

	private ErrorResponseException notOffered() {
		return notOffered(this.texts);
	}

	/**
	 * A 400 naming the field, as the service's other field errors look (the i18n module is below the platform's
	 * {@code InvalidFields}, so it writes the problem itself).
	 */
	static ErrorResponseException notOffered(Texts texts) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				texts.say("problem.invalidFields"));
		problem.setTitle(texts.say("problem.title.400"));
		problem.setProperty("errors", Map.of("language", texts.say("language.notOffered")));
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}

	/** @param language a BCP 47 tag, one of those {@code GET /api/me/language} offers */
	record ChooseLanguage(@NotBlank @Size(max = 35) String language) {
	}

	/**
	 * @param language the language the service speaks to me now
	 * @param chosen whether I chose it (else it is my browser's)
	 * @param offered the languages there are, each named in itself
	 */
	record LanguageChoice(String language, boolean chosen, List<Language> offered) {
	}

	record Language(String tag, String name) {
	}
}
