package org.opennrm.i18n.internal;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param catalogues where the catalogues are read from; blank for {@code ./config/i18n/} beside the service when that
 * folder exists, else the copy packaged with the service
 * @param pseudoLanguage whether to offer the pseudo-language {@code en-XA} (for finding text that escaped the
 * catalogues; never in production)
 * @param aliases which supported language serves a browser language the service has no catalogue for, or one with
 * two scripts (by tag or by language: {@code bs: sr-Latn}, {@code sr: sr-Cyrl})
 * @param preferenceCache how long a node trusts what it read of a user's choice; another node's change of it shows
 * after at most this long
 */
@ConfigurationProperties("nrm.i18n")
record LanguageProperties(String catalogues, @DefaultValue("false") boolean pseudoLanguage,
		Map<String, String> aliases, @DefaultValue("30s") Duration preferenceCache) {

	LanguageProperties {
		aliases = aliases == null ? Map.of() : Map.copyOf(aliases);
	}
}
