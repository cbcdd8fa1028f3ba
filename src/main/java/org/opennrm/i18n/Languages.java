package org.opennrm.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the service speaks: every language with a catalogue under {@code config/i18n/}, English first (the
 * language of the models and the fallback for anything a catalogue lacks).
 */
public interface Languages {

	/** English: the models' language and the fallback. */
	Locale FALLBACK = Locale.ENGLISH;

	/** The supported languages, English first, then in the order of their tags. */
	List<Locale> supported();

	/** The supported language with exactly this BCP 47 tag (case-insensitive), if any. */
	Optional<Locale> byTag(String tag);

	/**
	 * The supported language that best serves an {@code Accept-Language} header: the first range that names a supported
	 * language (with its script where the tag gives one), else English. Never fails on a malformed header.
	 */
	Locale bestFor(String acceptLanguage);

	/** A language's name in that language, as a person looks for it in a list ("Македонски", "Shqip"). */
	String nameOf(Locale language);

	/** The language of the current request (see {@code LanguageFilter}); English outside a request. */
	Locale current();
}
