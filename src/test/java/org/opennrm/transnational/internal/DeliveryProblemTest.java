package org.opennrm.transnational.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opennrm.i18n.internal.CatalogueTexts;

/**
 * A delivery problem is kept in the outbox as a short code and read back for the coordinator's page, which says it in
 * the reader's language with its technical detail.
 */
class DeliveryProblemTest {

	/** A problem of every kind, by the form the outbox has always kept it in. */
	private static final Map<String, DeliveryProblem> WRITTEN = new LinkedHashMap<>();

	static {
		WRITTEN.put("unreachable: ConnectException", DeliveryProblem.unreachable(new ConnectException("refused")));
		WRITTEN.put("HTTP 409 duplicate", DeliveryProblem.refused(409, Optional.of("duplicate")));
		WRITTEN.put("HTTP 503", DeliveryProblem.refused(503, Optional.empty()));
		WRITTEN.put("receipt refused: bad-signature", DeliveryProblem.badReceipt("bad-signature"));
		WRITTEN.put("interrupted", DeliveryProblem.interrupted());
		WRITTEN.put("not-a-peer", DeliveryProblem.notAPeer());
		WRITTEN.put("failed: IllegalStateException", DeliveryProblem.failed(new IllegalStateException("boom")));
	}

	@Test
	void is_written_as_before_and_read_back_as_written() {
		WRITTEN.forEach((written, problem) -> {
			assertThat(problem.written()).isEqualTo(written);
			assertThat(DeliveryProblem.read(written)).contains(problem);
		});
		assertThat(WRITTEN.values()).extracting(DeliveryProblem::kind)
			.containsAll(List.of(DeliveryProblem.Kind.values()));
	}

	@Test
	void an_exception_without_a_simple_name_is_named_in_full() {
		RuntimeException anonymous = new RuntimeException() {
		};

		DeliveryProblem failed = DeliveryProblem.failed(anonymous);

		assertThat(failed.detail()).isEqualTo(anonymous.getClass().getName());
		assertThat(DeliveryProblem.read(failed.written())).contains(failed);
	}

	@Test
	void text_it_did_not_write_is_not_read() {
		assertThat(DeliveryProblem.read(null)).isEmpty();
		assertThat(DeliveryProblem.read("")).isEmpty();
		assertThat(DeliveryProblem.read("unreachable")).isEmpty();
		assertThat(DeliveryProblem.read("HTTP error")).isEmpty();
		assertThat(DeliveryProblem.read("HTTP 4 junk")).isEmpty();
		assertThat(DeliveryProblem.read("failed: any words")).isEmpty();
		assertThat(DeliveryProblem.read("receipt refused: Bad Signature")).isEmpty();
		assertThat(DeliveryProblem.read("interrupted twice")).isEmpty();
	}

	@Test
	void the_page_says_each_kind_in_every_language_with_its_detail() {
		Map<String, String> english = said("en");
		for (String language : List.of("mk", "sq", "sr-Latn")) {
			Map<String, String> translated = said(language);
			translated.forEach((written, text) -> assertThat(text).as(language + ": " + written)
				.isNotBlank()
				.isNotEqualTo(english.get(written)));
		}
		for (String language : List.of("en", "mk", "sq", "sr-Latn")) {
			Map<String, String> texts = said(language);
			assertThat(texts.values()).as(language).doesNotHaveDuplicates();
			assertThat(texts.get("unreachable: ConnectException")).as(language).contains("(ConnectException)");
			assertThat(texts.get("HTTP 409 duplicate")).as(language).contains("(409 duplicate)");
			assertThat(texts.get("receipt refused: bad-signature")).as(language).contains("(bad-signature)");
		}
		TransnationalPage.Format macedonian = format("mk");
		assertThat(macedonian.problem("unreachable: ConnectException"))
			.isEqualTo("Партнерот не беше достапен (ConnectException)");
		assertThat(macedonian.problem("written by a release to come")).isEqualTo("written by a release to come");
		assertThat(macedonian.problem(null)).isEmpty();
	}

	/** What the page says for each written problem, in the language. */
	private static Map<String, String> said(String language) {
		TransnationalPage.Format format = format(language);
		Map<String, String> said = new LinkedHashMap<>();
		WRITTEN.keySet().forEach(written -> said.put(written, format.problem(written)));
		return said;
	}

	private static TransnationalPage.Format format(String language) {
		return new TransnationalPage.Format(CatalogueTexts.read(), Locale.forLanguageTag(language));
	}
}
