package org.opennrm.i18n.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Every catalogue under the catalogue folder, one per language, read once at start. English is the base: a language
 * lacking a code falls back to it (the catalogue test makes sure none does). Two languages are made, not read:
 * Serbian in Cyrillic from Serbian in Latin letters (unless files of its own exist), and the pseudo-language when
 * switched on.
 */
final class Catalogues {

	static final Locale SERBIAN_LATIN = Locale.forLanguageTag("sr-Latn");

	static final Locale SERBIAN_CYRILLIC = Locale.forLanguageTag("sr-Cyrl");

	private final Map<Locale, Catalogue> byLanguage;

	/** The code of each English name in the process models, for names that were stored in English. */
	private final Map<String, String> modelNames = new java.util.HashMap<>();

	private Catalogues(Map<Locale, Catalogue> byLanguage) {
		this.byLanguage = byLanguage;
		english().texts()
			.entrySet()
			.stream()
			.filter(entry -> entry.getKey().startsWith("model."))
			.forEach(entry -> this.modelNames.putIfAbsent(entry.getValue().replace("''", "'"), entry.getKey()));
	}

	/**
	 * @param folder the folder's location ({@code file:./config/i18n/} or {@code classpath:config/i18n/}), ending in /
	 * @param pseudoLanguage whether to offer {@code en-XA}
	 */
	static Catalogues read(String folder, boolean pseudoLanguage) {
		ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		Map<Locale, List<Resource>> files = new TreeMap<>(Comparator.comparing(Locale::toLanguageTag));
		try {
			for (Resource file : resolver.getResources(folder + "*.properties")) {
				Locale language = Catalogue.languageOf(file.getFilename());
				if (language != null) {
					files.computeIfAbsent(language, key -> new ArrayList<>()).add(file);
				}
			}
			if (!files.containsKey(Locale.ENGLISH)) {
				throw new IllegalStateException("No English catalogue (messages.properties) in " + folder);
			}
			Map<Locale, Catalogue> catalogues = new LinkedHashMap<>();
			catalogues.put(Locale.ENGLISH, Catalogue.read(Locale.ENGLISH, files.remove(Locale.ENGLISH)));
			for (Map.Entry<Locale, List<Resource>> language : files.entrySet()) {
				catalogues.put(language.getKey(), Catalogue.read(language.getKey(), language.getValue()));
			}
			Catalogue latin = catalogues.get(SERBIAN_LATIN);
			if (latin != null) {
				Catalogue own = catalogues.get(SERBIAN_CYRILLIC);
				catalogues.put(SERBIAN_CYRILLIC, derived(SERBIAN_CYRILLIC, latin, SerbianScripts::toCyrillic, own));
			}
			if (pseudoLanguage) {
				catalogues.put(PseudoLanguage.TAG,
						derived(PseudoLanguage.TAG, catalogues.get(Locale.ENGLISH), PseudoLanguage::of, null));
			}
			return new Catalogues(sorted(catalogues));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the catalogues in " + folder, ex);
		}
	}

	/** A language made from another, entry by entry; entries a catalogue of its own gives win. */
	private static Catalogue derived(Locale language, Catalogue from, UnaryOperator<String> conversion, Catalogue own) {
		Map<String, String> texts = new TreeMap<>();
		from.texts().forEach((code, text) -> texts.put(code, conversion.apply(text)));
		if (own != null) {
			texts.putAll(own.texts());
		}
		return new Catalogue(language, texts);
	}

	/** English first, the pseudo-language last, the others by tag. */
	private static Map<Locale, Catalogue> sorted(Map<Locale, Catalogue> catalogues) {
		Map<Locale, Catalogue> sorted = new LinkedHashMap<>();
		sorted.put(Locale.ENGLISH, catalogues.get(Locale.ENGLISH));
		catalogues.keySet()
			.stream()
			.filter(language -> !language.equals(Locale.ENGLISH) && !language.equals(PseudoLanguage.TAG))
			.sorted(Comparator.comparing(Locale::toLanguageTag))
			.forEach(language -> sorted.put(language, catalogues.get(language)));
		if (catalogues.containsKey(PseudoLanguage.TAG)) {
			sorted.put(PseudoLanguage.TAG, catalogues.get(PseudoLanguage.TAG));
		}
		return sorted;
	}

	List<Locale> languages() {
		return List.copyOf(this.byLanguage.keySet());
	}

	Optional<Catalogue> of(Locale language) {
		return Optional.ofNullable(this.byLanguage.get(language));
	}

	Catalogue english() {
		return this.byLanguage.get(Locale.ENGLISH);
	}

	/** A model name stored in English, in a supported language; as it is if the models have no such name. */
	String modelName(Locale language, String englishName) {
		String code = this.modelNames.get(englishName);
		String text = code == null ? null : text(language, code);
		return text == null ? englishName : text.replace("''", "'");
	}

	/** The text of a code in a supported language, falling back to English; {@code null} if English lacks it too. */
	String text(Locale language, String code) {
		Catalogue catalogue = this.byLanguage.get(language);
		String text = catalogue == null ? null : catalogue.text(code);
		return text != null ? text : english().text(code);
	}
}
