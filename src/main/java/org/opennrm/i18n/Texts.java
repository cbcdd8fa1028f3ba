package org.opennrm.i18n;

import java.util.Locale;

/**
 * What the service says to people, from the catalogues, in the language of the request being answered (or a given
 * one). A code the catalogues lack is a programming error the catalogue test catches; at run time it answers the
 * code itself rather than fail the request.
 */
public interface Texts {

	String say(String code, Object... arguments);

	String say(Locale language, String code, Object... arguments);

	/** A text to be said, in the language of the request being answered. */
	String say(Text text);

	/** A text to be said in a given language. */
	String say(Locale language, Text text);

	/** The text of a code if the catalogues have it, else {@code otherwise} (for codes built from data). */
	String sayOr(Locale language, String code, String otherwise);
}
