package org.opennrm.i18n.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.opennrm.i18n.Languages;
import org.opennrm.i18n.Text;
import org.opennrm.i18n.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.AbstractMessageSource;

/**
 * The service's {@code messageSource}: Spring MVC, Thymeleaf ({@code #{...}}), Bean Validation's messages and our own
 * code all read the catalogues through it. A text with arguments is a {@link MessageFormat} pattern; one without is
 * taken as it is, except that {@code ''} stands for an apostrophe in both, so translators follow one rule.
 */
final class CatalogueMessageSource extends AbstractMessageSource implements Texts {

	private static final Logger log = LoggerFactory.getLogger(CatalogueMessageSource.class);

	private final Catalogues catalogues;

	private final SupportedLanguages languages;

	private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

	CatalogueMessageSource(Catalogues catalogues, SupportedLanguages languages) {
		this.catalogues = catalogues;
		this.languages = languages;
	}

	@Override
	protected String resolveCodeWithoutArguments(String code, Locale locale) {
		String text = this.catalogues.text(supported(locale), code);
		return text == null ? null : text.replace("''", "'");
	}

	@Override
	protected MessageFormat resolveCode(String code, Locale locale) {
		Locale language = supported(locale);
		String text = this.catalogues.text(language, code);
		if (text == null) {
			return null;
		}
		return this.formats.computeIfAbsent(language.toLanguageTag() + '\n' + code,
				key -> new MessageFormat(text, language));
	}

	private Locale supported(Locale locale) {
		if (locale == null) {
			return this.languages.current();
		}
		return this.languages.supported().contains(locale) ? locale
				: this.languages.serving(locale.toLanguageTag()).orElse(Languages.FALLBACK);
	}

	@Override
	public String say(String code, Object... arguments) {
		return say(this.languages.current(), code, arguments);
	}

	@Override
	public String say(Locale language, String code, Object... arguments) {
		try {
			return getMessage(code, arguments, language);
		}
		catch (NoSuchMessageException ex) {
			log.warn("No catalogue has the code {}", code);
			return code;
		}
	}

	@Override
	public String say(Text text) {
		return say(this.languages.current(), text);
	}

	@Override
	public String say(Locale language, Text text) {
		if (text.modelName() != null) {
			return this.catalogues.modelName(language, text.modelName());
		}
		if (text.items() != null) {
			return text.items()
				.stream()
				.map(item -> say(language, item))
				.collect(Collectors.joining(say(language, "list.separator")));
		}
		try {
			return getMessage(text, language);
		}
		catch (NoSuchMessageException ex) {
			log.warn("No catalogue has the code {}", text.code());
			return text.code();
		}
	}

	/** Arguments that are texts themselves (a group's name, a list of them) are said first, in the same language. */
	@Override
	protected Object[] resolveArguments(Object[] arguments, Locale locale) {
		if (arguments == null) {
			return new Object[0];
		}
		Object[] resolved = new Object[arguments.length];
		for (int i = 0; i < arguments.length; i++) {
			resolved[i] = arguments[i] instanceof Text text ? say(supported(locale), text) : arguments[i];
		}
		return super.resolveArguments(resolved, locale);
	}

	@Override
	public String sayOr(Locale language, String code, String otherwise) {
		String text = resolveCodeWithoutArguments(code, language);
		return text != null ? text : otherwise;
	}
}
