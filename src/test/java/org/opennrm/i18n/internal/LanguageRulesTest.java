package org.opennrm.i18n.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The rules that pick and derive languages: which of ours a browser gets, Serbian Cyrillic from Latin, the
 * pseudo-language, and where the pages' language switch may send someone back to.
 */
class LanguageRulesTest {

	private static final Locale MACEDONIAN = Locale.forLanguageTag("mk");

	private static final Locale SERBIAN_LATIN = Locale.forLanguageTag("sr-Latn");

	private static final Locale SERBIAN_CYRILLIC = Locale.forLanguageTag("sr-Cyrl");

	private final SupportedLanguages languages = new SupportedLanguages(List.of(Locale.ENGLISH, MACEDONIAN,
			Locale.forLanguageTag("sq"), SERBIAN_LATIN, SERBIAN_CYRILLIC), Map.of("hr", "sr-Latn", "bs", "sr-Latn"));

	@Test
	void a_browser_gets_its_first_language_we_speak_by_its_weight_and_english_otherwise() {
		assertThat(this.languages.bestFor("mk-MK,mk;q=0.9,en;q=0.8")).isEqualTo(MACEDONIAN);
		assertThat(this.languages.bestFor("de-DE,de;q=0.9,sq;q=0.5,en;q=0.4")).isEqualTo(Locale.forLanguageTag("sq"));
		assertThat(this.languages.bestFor("en;q=0.3,mk;q=0.9")).isEqualTo(MACEDONIAN);
		assertThat(this.languages.bestFor("de-DE")).isEqualTo(Locale.ENGLISH);
		assertThat(this.languages.bestFor(null)).isEqualTo(Locale.ENGLISH);
		assertThat(this.languages.bestFor("not a header;;q=x")).isEqualTo(Locale.ENGLISH);
	}

	@Test
	void serbian_is_latin_unless_cyrillic_is_asked_for_and_its_neighbours_read_the_latin() {
		assertThat(this.languages.bestFor("sr-Cyrl-RS")).isEqualTo(SERBIAN_CYRILLIC);
		assertThat(this.languages.bestFor("sr-Latn-ME")).isEqualTo(SERBIAN_LATIN);
		assertThat(this.languages.bestFor("sr")).isIn(SERBIAN_LATIN, SERBIAN_CYRILLIC);
		assertThat(this.languages.bestFor("hr-HR")).isEqualTo(SERBIAN_LATIN);
		assertThat(this.languages.bestFor("bs")).isEqualTo(SERBIAN_LATIN);
		assertThat(this.languages.byTag("xx")).isEmpty();
		assertThat(this.languages.byTag("mk")).contains(MACEDONIAN);
	}

	@Test
	void serbian_cyrillic_is_written_letter_for_letter_from_the_latin_keeping_what_is_not_serbian() {
		assertThat(SerbianScripts.toCyrillic("Ljubljana, Njegoš i džep")).isEqualTo("Љубљана, Његош и џеп");
		assertThat(SerbianScripts.toCyrillic("Zadatak {0} u Tasklist, izvoz CSV"))
			.isEqualTo("Задатак {0} у Tasklist, извоз CSV");
		assertThat(SerbianScripts.toCyrillic("<strong>Đak</strong> {{count}} https://example.org/a"))
			.isEqualTo("<strong>Ђак</strong> {{count}} https://example.org/a");
		assertThat(SerbianScripts.toCyrillic("c: prikriveno; uključite nrm.transnational.enabled, a zatim c"))
			.isEqualTo("c: прикривено; укључите nrm.transnational.enabled, а затим c");
	}

	@Test
	void the_pseudo_language_changes_every_letter_keeps_every_placeholder_and_marks_where_a_text_begins_and_ends() {
		String pseudo = PseudoLanguage.of("Overdue: {0} for {{count}} <b>tasks</b>");

		assertThat(pseudo).startsWith(PseudoLanguage.OPEN).endsWith(PseudoLanguage.CLOSE)
			.contains("{0}", "{{count}}", "<b>", "</b>")
			.doesNotContain("Overdue", "tasks");
		assertThat(pseudo.length()).isGreaterThan("Overdue: {0} for {{count}} <b>tasks</b>".length());
		String choice = "{1,choice,0#no codes|1#one code|1<{1,number,integer} codes} left";
		assertThat(PseudoLanguage.of(choice)).contains("{1,choice,0#no codes|1#one code|1<{1,number,integer} codes}");
		assertThat(new java.text.MessageFormat(PseudoLanguage.of(choice)).format(new Object[] { null, 5 }))
			.contains("5 codes");
	}

	@Test
	void the_language_switch_sends_back_only_to_a_page_of_this_service() {
		assertThat(PageLanguages.local("/statistics?year=2026")).isEqualTo("/statistics?year=2026");
		assertThat(PageLanguages.local("/oversight#deadlines")).isEqualTo("/oversight#deadlines");
		for (String elsewhere : new String[] { null, "", "https://evil.example", "//evil.example", "/\\evil.example",
				"javascript:alert(1)", "/a\r\nSet-Cookie: x=y", "/" + "a".repeat(600) }) {
			assertThat(PageLanguages.local(elsewhere)).as("%s", elsewhere).isEqualTo("/");
		}
	}
}
