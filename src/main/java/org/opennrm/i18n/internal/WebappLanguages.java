package org.opennrm.i18n.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.opennrm.i18n.Languages;
import org.opennrm.i18n.Texts;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tasklist, Cockpit, Admin and the welcome page in the reader's language, through the webapps' supported
 * configuration: each app's {@code scripts/config.js} offers exactly one locale, the reader's, and
 * {@code locales/<tag>.json} gives its words (from {@code config/i18n/webapps/<app>/<tag>.json}; English is the
 * webapps' own; Serbian in Cyrillic and the pseudo-language are made from Serbian in Latin letters and English). A
 * key a translation lacks reads in English.
 */
@RestController
class WebappLanguages {

	static final Set<String> APPS = Set.of("tasklist", "cockpit", "admin", "welcome");

	/** Sends the apps' login route and "Log out" to the service's sign-in and sign-out pages. */
	private static final String SIGN_IN_SCRIPT = "../opennrm/signin";

	private static final String WEBJAR = "classpath:META-INF/resources/webjars/camunda/app/";

	/** Tasklist's keyboard shortcuts: their keys, in the order Tasklist lists them. */
	private static final Map<String, String> SHORTCUTS = shortcuts();

	/** The words in a moment.js format: between brackets. */
	private static final Pattern WORDS_IN_FORMAT = Pattern.compile("\\[([^\\]]*)]");

	private final ObjectMapper json;

	private final SupportedLanguages languages;

	private final Texts texts;

	private final String folder;

	private final Map<String, JsonNode> words = new ConcurrentHashMap<>();

	WebappLanguages(ObjectMapper json, SupportedLanguages languages, Texts texts, LanguageProperties properties) {
		this.json = json;
		this.languages = languages;
		this.texts = texts;
		this.folder = LanguageConfiguration.catalogueFolder(properties) + "webapps/";
	}

	@GetMapping(path = "/camunda/app/{app}/scripts/config.js", produces = "text/javascript")
	ResponseEntity<String> configuration(@PathVariable String app) throws IOException {
		if (!APPS.contains(app)) {
			return ResponseEntity.notFound().build();
		}
		Locale language = this.languages.current();
		Map<String, Object> configuration = new LinkedHashMap<>();
		configuration.put("app", Map.of("name", this.texts.say(language, "webapp." + app + ".name"), "vendor", "OpenNRM"));
		// The reader's language is the only one offered, so the webapp neither guesses from the browser nor offers
		// a language the service would not answer in.
		configuration.put("locales", Map.of("availableLocales", List.of(language.toLanguageTag()), "fallbackLocale",
				language.toLanguageTag()));
		// No vendor welcome box on first sign-in: it means nothing to caseworkers.
		configuration.put("disableWelcomeMessage", true);
		// Signing in and out happens on the service's own pages (ADR 21), not on the app's login form.
		configuration.put("customScripts", List.of(SIGN_IN_SCRIPT));
		StringBuilder script = new StringBuilder("// Written for the reader's language by OpenNRM (WebappLanguages).\n");
		// The page says which language it is in, for screen readers, hyphenation and spell checkers.
		script.append("document.documentElement.lang = ")
			.append(this.json.writeValueAsString(language.toLanguageTag()))
			.append(";\n");
		if (app.equals("tasklist")) {
			// When the service refuses a submitted form, say why next to each field (scripts/server-errors.js).
			configuration.put("customScripts", List.of(SIGN_IN_SCRIPT, "scripts/server-errors"));
			Map<String, Object> shortcuts = new LinkedHashMap<>();
			SHORTCUTS.forEach((name, key) -> shortcuts.put(name,
					Map.of("key", key, "description", this.texts.say(language, "webapp.tasklist.shortcut." + name))));
			configuration.put("shortcuts", shortcuts);
			script.append("globalThis.nrmTexts = ")
				.append(this.json.writeValueAsString(scriptTexts(language)))
				.append(";\n");
		}
		script.append("export default ").append(this.json.writeValueAsString(configuration)).append(";\n");
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.valueOf("text/javascript;charset=UTF-8"))
			.body(script.toString());
	}

	@GetMapping(path = "/camunda/app/{app}/locales/{tag}.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<JsonNode> words(@PathVariable String app, @PathVariable String tag) {
		Optional<Locale> language = this.languages.byTag(tag);
		if (!APPS.contains(app) || language.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache())
			.body(this.words.computeIfAbsent(app + "/" + language.get().toLanguageTag(),
					key -> words(app, language.get())));
	}

	/** The words of a webapp in a language: its translation over the webapp's English, key by key. */
	JsonNode words(String app, Locale language) {
		JsonNode english = read(WEBJAR + app + "/locales/en.json")
			.orElseThrow(() -> new IllegalStateException("The webjar has no English words for " + app));
		if (language.equals(Languages.FALLBACK)) {
			return english;
		}
		if (language.equals(PseudoLanguage.TAG)) {
			return converted(english.deepCopy(), PseudoLanguage::of);
		}
		if (language.equals(Catalogues.SERBIAN_CYRILLIC)) {
			JsonNode own = read(this.folder + app + "/" + language.toLanguageTag() + ".json").orElse(null);
			JsonNode cyrillic = converted(words(app, Catalogues.SERBIAN_LATIN).deepCopy(), SerbianScripts::toCyrillic);
			return own == null ? cyrillic : merged((ObjectNode) cyrillic, own);
		}
		JsonNode translation = read(this.folder + app + "/" + language.toLanguageTag() + ".json").orElse(null);
		return translation == null ? english : merged((ObjectNode) english.deepCopy(), translation);
	}

	private Map<String, String> scriptTexts(Locale language) {
		Map<String, String> texts = new LinkedHashMap<>();
		for (String name : List.of("notSaved", "notSavedOurSide", "nothingSaved", "required", "minLength",
				"maxLength", "min", "max", "pattern", "select", "search", "none")) {
			texts.put(name, this.texts.say(language, "webapp.tasklist.form." + name));
		}
		return texts;
	}

	private Optional<JsonNode> read(String location) {
		Resource resource = new DefaultResourceLoader().getResource(location);
		if (!resource.exists()) {
			return Optional.empty();
		}
		try (InputStream in = resource.getInputStream()) {
			return Optional.of(this.json.readTree(in));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the webapp words in " + location, ex);
		}
	}

	/**
	 * A webapp's words converted text by text: the labels, and the names and phrases of its dates (not their formats,
	 * and in the calendar's phrases only the words between brackets, the rest being format).
	 */
	private static JsonNode converted(JsonNode words, UnaryOperator<String> conversion) {
		ObjectNode converted = (ObjectNode) words;
		if (converted.has("labels")) {
			converted.set("labels", texts(converted.get("labels"), conversion));
		}
		JsonNode dates = converted.path("dateLocales");
		if (dates.isObject()) {
			ObjectNode dateLocales = (ObjectNode) dates;
			for (String names : List.of("months", "monthsShort", "weekdays", "weekdaysShort", "weekdaysMin",
					"relativeTime")) {
				if (dateLocales.has(names)) {
					dateLocales.set(names, texts(dateLocales.get(names), conversion));
				}
			}
			if (dateLocales.has("calendar")) {
				dateLocales.set("calendar", texts(dateLocales.get("calendar"), phrase -> WORDS_IN_FORMAT.matcher(phrase)
					.replaceAll(found -> Matcher.quoteReplacement("[" + conversion.apply(found.group(1)) + "]"))));
			}
		}
		return converted;
	}

	private static JsonNode texts(JsonNode node, UnaryOperator<String> conversion) {
		if (node.isObject()) {
			ObjectNode object = (ObjectNode) node;
			object.fieldNames().forEachRemaining(name -> object.set(name, texts(object.get(name), conversion)));
		}
		else if (node.isArray()) {
			ArrayNode array = (ArrayNode) node;
			for (int i = 0; i < array.size(); i++) {
				array.set(i, texts(array.get(i), conversion));
			}
		}
		else if (node.isTextual()) {
			return TextNode.valueOf(conversion.apply(node.asText()));
		}
		return node;
	}

	private static JsonNode merged(ObjectNode base, JsonNode over) {
		over.fields().forEachRemaining(field -> {
			JsonNode mine = base.get(field.getKey());
			if (mine != null && mine.isObject() && field.getValue().isObject()) {
				merged((ObjectNode) mine, field.getValue());
			}
			else {
				base.set(field.getKey(), field.getValue());
			}
		});
		return base;
	}

	private static Map<String, String> shortcuts() {
		Map<String, String> shortcuts = new LinkedHashMap<>();
		shortcuts.put("claimTask", "ctrl+alt+c");
		shortcuts.put("focusFilter", "ctrl+shift+f");
		shortcuts.put("focusList", "ctrl+alt+l");
		shortcuts.put("focusForm", "ctrl+alt+f");
		shortcuts.put("startProcess", "ctrl+alt+p");
		return shortcuts;
	}
}
