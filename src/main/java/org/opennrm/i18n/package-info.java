/**
 * The languages people use the service in: the catalogues under {@code config/i18n/} (one file per language, found at
 * start, so a language is added by adding files), the language each request is answered in (the user's choice,
 * else the browser's, else English), and the translation of what the engine shows (task and process names, Camunda
 * Forms, the webapps' own words) as it leaves the service, so models stay single and English in the repository.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Languages")
package org.opennrm.i18n;
