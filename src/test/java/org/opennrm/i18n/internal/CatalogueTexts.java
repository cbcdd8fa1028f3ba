package org.opennrm.i18n.internal;

import java.util.Map;

import org.opennrm.i18n.Texts;

/** The service's texts as the catalogues under {@code config/i18n/} give them, for unit tests outside a context. */
public final class CatalogueTexts {

	private static Texts texts;

	private CatalogueTexts() {
	}

	/** Read once per test JVM, with the pseudo-language on. */
	public static synchronized Texts read() {
		if (texts == null) {
			Catalogues catalogues = Catalogues.read("file:./config/i18n/", true);
			texts = new CatalogueMessageSource(catalogues, new SupportedLanguages(catalogues.languages(), Map.of()));
		}
		return texts;
	}
}
