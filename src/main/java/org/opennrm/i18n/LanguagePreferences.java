package org.opennrm.i18n;

import java.util.Locale;
import java.util.Optional;

/** The language each user chose, kept with our own data; a user who chose none is answered in the browser's. */
public interface LanguagePreferences {

	Optional<Locale> of(String userId);

	/** Records the user's choice; the language must be supported. */
	void choose(String userId, Locale language);

	/** Forgets the user's choice (the user was deleted, or chose "as my browser"). */
	void forget(String userId);
}
