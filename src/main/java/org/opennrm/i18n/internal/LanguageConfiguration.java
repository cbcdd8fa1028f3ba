package org.opennrm.i18n.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.opennrm.i18n.LanguagePreferences;
import org.opennrm.i18n.Languages;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.filter.OrderedRequestContextFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The catalogues, the service's {@code messageSource} and {@code localeResolver}, and the filter that gives every
 * request its language.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration {

	/** Where the catalogues are when no setting names a place. */
	static String catalogueFolder(LanguageProperties properties) {
		if (properties.catalogues() != null && !properties.catalogues().isBlank()) {
			String location = properties.catalogues();
			return location.endsWith("/") ? location : location + "/";
		}
		return Files.isDirectory(Path.of("config", "i18n")) ? "file:./config/i18n/" : "classpath:config/i18n/";
	}

	@Bean
	Catalogues catalogues(LanguageProperties properties) {
		// Outside a request (jobs, start-up) the service speaks English, whatever the machine's locale.
		LocaleContextHolder.setDefaultLocale(Languages.FALLBACK);
		return Catalogues.read(catalogueFolder(properties), properties.pseudoLanguage());
	}

	@Bean
	SupportedLanguages languages(Catalogues catalogues, LanguageProperties properties) {
		return new SupportedLanguages(catalogues.languages(), properties.aliases());
	}

	/** Named so that it replaces Spring Boot's: MVC, Thymeleaf and Bean Validation all read it. */
	@Bean
	CatalogueMessageSource messageSource(Catalogues catalogues, SupportedLanguages languages) {
		return new CatalogueMessageSource(catalogues, languages);
	}

	@Bean
	EngineTexts engineTexts(Catalogues catalogues) {
		return new EngineTexts(catalogues);
	}

	@Bean
	LanguagePreferences languagePreferences(JdbcClient jdbc, SupportedLanguages languages,
			LanguageProperties properties) {
		return new JdbcLanguagePreferences(jdbc, languages, properties.preferenceCache());
	}

	@Bean
	RequestLanguages localeResolver(SupportedLanguages languages, LanguagePreferences preferences) {
		return new RequestLanguages(languages, preferences);
	}

	/**
	 * Right after Spring's request context filter (which sets the browser's locale for the request) and before the
	 * security chains, so that even a request refused before it reaches the service is answered in the reader's
	 * language, and the engine's APIs (Jersey, outside Spring MVC) answer in the signed-in user's.
	 */
	@Bean
	FilterRegistrationBean<LanguageFilter> languageFilter(RequestLanguages localeResolver) {
		FilterRegistrationBean<LanguageFilter> registration = new FilterRegistrationBean<>(
				new LanguageFilter(localeResolver));
		registration.setOrder(new OrderedRequestContextFilter().getOrder() + 1);
		return registration;
	}

	/** Gives every page rendered what its language switch shows. */
	@Bean
	WebMvcConfigurer pageLanguageSwitch(PageLanguages pages) {
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(pages);
			}
		};
	}
}
