package org.opennrm.i18n.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pseudo-language {@code en-XA}: English with every letter accented and every text between ⟦ and ⟧, longer by
 * a third. A string on screen without the brackets escaped the catalogues; the browser tests look for such strings,
 * and anyone can switch to it to see what a page does with longer words. Placeholders and markup stay as they are.
 */
final class PseudoLanguage {

	static final Locale TAG = Locale.forLanguageTag("en-XA");

	static final String OPEN = "⟦";

	static final String CLOSE = "⟧";

	private static final String PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

	private static final String ACCENTED = "àƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ";

	/**
	 * What keeps its spelling: a choice argument with its branches (one level of nested arguments), placeholders,
	 * markup, entities, format specifiers and the written apostrophe.
	 */
	private static final Pattern KEPT = Pattern
		.compile("\\{[^{}]*(?:\\{[^{}]*}[^{}]*)+}|\\{\\{[^}]*}}|\\{[^{}]*}|<[^>]*>|&#?\\w+;|%[a-z]|''");

	private PseudoLanguage() {
	}

	static String of(String english) {
		if (english.isBlank()) {
			return english;
		}
		Matcher kept = KEPT.matcher(english);
		StringBuilder out = new StringBuilder(english.length() * 4 / 3 + 2).append(OPEN);
		int letters = 0;
		int from = 0;
		while (kept.find()) {
			letters += accent(english.substring(from, kept.start()), out);
			out.append(kept.group());
			from = kept.end();
		}
		letters += accent(english.substring(from), out);
		out.append("·".repeat(letters / 3)).append(CLOSE);
		return out.toString();
	}

	private static int accent(String text, StringBuilder out) {
		int letters = 0;
		for (char c : text.toCharArray()) {
			int index = PLAIN.indexOf(c);
			out.append(index < 0 ? c : ACCENTED.charAt(index));
			letters += index < 0 ? 0 : 1;
		}
		return letters;
	}
}
