package org.opennrm.i18n.internal;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serbian in Cyrillic from Serbian in Latin letters. The two alphabets map letter for letter (lj, nj and dž are one
 * letter each), so the Cyrillic catalogue costs nothing to keep. What is not Serbian text stays as it is:
 * placeholders ({@code {0}}, {@code {{count}}}, {@code %d}), markup, entities, addresses, acronyms ({@code NRM}, {@code CSV}),
 * words with letters Serbian does not have ({@code Tasklist}, {@code www}) and the names of products.
 */
final class SerbianScripts {

	private static final Map<String, String> LETTERS = Map.ofEntries(Map.entry("Lj", "Љ"), Map.entry("LJ", "Љ"),
			Map.entry("lj", "љ"), Map.entry("Nj", "Њ"), Map.entry("NJ", "Њ"), Map.entry("nj", "њ"), Map.entry("Dž", "Џ"),
			Map.entry("DŽ", "Џ"), Map.entry("dž", "џ"), Map.entry("A", "А"), Map.entry("a", "а"), Map.entry("B", "Б"),
			Map.entry("b", "б"), Map.entry("V", "В"), Map.entry("v", "в"), Map.entry("G", "Г"), Map.entry("g", "г"),
			Map.entry("D", "Д"), Map.entry("d", "д"), Map.entry("Đ", "Ђ"), Map.entry("đ", "ђ"), Map.entry("E", "Е"),
			Map.entry("e", "е"), Map.entry("Ž", "Ж"), Map.entry("ž", "ж"), Map.entry("Z", "З"), Map.entry("z", "з"),
			Map.entry("I", "И"), Map.entry("i", "и"), Map.entry("J", "Ј"), Map.entry("j", "ј"), Map.entry("K", "К"),
			Map.entry("k", "к"), Map.entry("L", "Л"), Map.entry("l", "л"), Map.entry("M", "М"), Map.entry("m", "м"),
			Map.entry("N", "Н"), Map.entry("n", "н"), Map.entry("O", "О"), Map.entry("o", "о"), Map.entry("P", "П"),
			Map.entry("p", "п"), Map.entry("R", "Р"), Map.entry("r", "р"), Map.entry("S", "С"), Map.entry("s", "с"),
			Map.entry("T", "Т"), Map.entry("t", "т"), Map.entry("Ć", "Ћ"), Map.entry("ć", "ћ"), Map.entry("U", "У"),
			Map.entry("u", "у"), Map.entry("F", "Ф"), Map.entry("f", "ф"), Map.entry("H", "Х"), Map.entry("h", "х"),
			Map.entry("C", "Ц"), Map.entry("c", "ц"), Map.entry("Č", "Ч"), Map.entry("č", "ч"), Map.entry("Š", "Ш"),
			Map.entry("š", "ш"));

	/** Product names that keep their spelling in every script. */
	private static final Set<String> NAMES = Set.of("OpenNRM", "Camunda", "Tasklist", "Cockpit", "Admin", "Chromium",
			"PostgreSQL", "Excel", "LibreOffice");

	/**
	 * What stays as it is: placeholders, markup, entities, addresses, file names, dotted setting names
	 * ({@code nrm.transnational.enabled}) and the flag of a withheld figure, a lone {@code c} (no Serbian word); then
	 * every word, judged whole (group 1).
	 */
	private static final Pattern TOKENS = Pattern.compile(
			"\\{\\{[^}]*}}|\\{[^{}]*}|<[^>]*>|&#?\\w+;|%[a-z]|https?://\\S+|\\S+@\\S+|\\b\\w+\\.(?:csv|json|pdf)\\b"
					+ "|\\b[a-z]+(?:\\.[a-zA-Z-]+)+\\b|(?<![\\p{L}-])c(?![\\p{L}-])|(\\p{L}[\\p{L}\\p{M}]*)");

	private static final Pattern FOREIGN = Pattern.compile(".*[qwxyQWXY].*");

	private static final Pattern DIGRAPH_OR_LETTER = Pattern.compile("[LlNn][jJ]|[Dd][žŽ]|\\p{L}");

	private SerbianScripts() {
	}

	static String toCyrillic(String latin) {
		Matcher token = TOKENS.matcher(latin);
		StringBuilder out = new StringBuilder(latin.length());
		while (token.find()) {
			String word = token.group(1);
			String replacement = word == null || keepsSpelling(word) ? token.group() : letters(word);
			token.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		token.appendTail(out);
		return out.toString();
	}

	private static boolean keepsSpelling(String word) {
		return NAMES.contains(word) || FOREIGN.matcher(word).matches()
				|| (word.length() > 1 && word.equals(word.toUpperCase()) && !word.equals(word.toLowerCase()))
				|| (word.length() > 1 && !word.substring(1).equals(word.substring(1).toLowerCase())
						&& !word.equals(word.toUpperCase()));
	}

	private static String letters(String word) {
		Matcher letter = DIGRAPH_OR_LETTER.matcher(word);
		StringBuilder out = new StringBuilder(word.length());
		while (letter.find()) {
			String cyrillic = LETTERS.get(letter.group());
			letter.appendReplacement(out, Matcher.quoteReplacement(cyrillic != null ? cyrillic : letter.group()));
		}
		letter.appendTail(out);
		return out.toString();
	}
}
