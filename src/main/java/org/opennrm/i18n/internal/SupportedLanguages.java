package org.opennrm.i18n.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.opennrm.i18n.Languages;
import org.springframework.context.i18n.LocaleContextHolder;

/** The languages the catalogues give, matched to what browsers ask for. */
final class SupportedLanguages implements Languages {

	private final List<Locale> supported;

	/** Lower-case tag or language to the supported language that serves it. */
	private final Map<String, Locale> aliases = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

	SupportedLanguages(List<Locale> supported, Map<String, String> aliases) {
		this.supported = List.copyOf(supported);
		aliases.forEach((from, to) -> byTag(to).ifPresent(language -> this.aliases.put(from, language)));
	}

	@Override
	public List<Locale> supported() {
		return this.supported;
	}

	@Override
	public Optional<Locale> byTag(String tag) {
		if (tag == null) {
			return Optional.empty();
		}
		return this.supported.stream().filter(language -> language.toLanguageTag().equalsIgnoreCase(tag)).findFirst();
	}

	@Override
	public Locale bestFor(String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 500) {
			return FALLBACK;
		}
		List<Locale.LanguageRange> ranges;
		try {
			ranges = Locale.LanguageRange.parse(acceptLanguage);
		}
		catch (IllegalArgumentException ex) {
			return FALLBACK;
		}
		return ranges.stream()
			.sorted(Comparator.comparingDouble(Locale.LanguageRange::getWeight).reversed())
			.filter(range -> range.getWeight() > 0)
			.map(range -> serving(range.getRange()))
			.flatMap(Optional::stream)
			.findFirst()
			.orElse(FALLBACK);
	}

	/**
	 * The supported language that serves a requested tag: the tag itself, its alias, its language and script, its
	 * language's alias, its language.
	 */
	Optional<Locale> serving(String tag) {
		if (tag == null || tag.equals("*")) {
			return Optional.empty();
		}
		Optional<Locale> exact = byTag(tag).or(() -> Optional.ofNullable(this.aliases.get(tag)));
		if (exact.isPresent()) {
			return exact;
		}
		Locale requested = Locale.forLanguageTag(tag);
		if (requested.getLanguage().isEmpty()) {
			return Optional.empty();
		}
		if (!requested.getScript().isEmpty()) {
			Optional<Locale> withScript = byTag(requested.getLanguage() + "-" + requested.getScript());
			if (withScript.isPresent()) {
				return withScript;
			}
		}
		return Optional.ofNullable(this.aliases.get(requested.getLanguage()))
			.or(() -> this.supported.stream()
				.filter(language -> language.getLanguage().equals(requested.getLanguage()))
				.findFirst());
	}

	@Override
	public String nameOf(Locale language) {
		String name = language.equals(PseudoLanguage.TAG) ? PseudoLanguage.of("Pseudo-language")
				: language.getDisplayName(language);
		return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(language) + name.substring(1);
	}

	@Override
	public Locale current() {
		Locale locale = LocaleContextHolder.getLocale();
		return this.supported.contains(locale) ? locale : serving(locale.toLanguageTag()).orElse(FALLBACK);
	}
}
