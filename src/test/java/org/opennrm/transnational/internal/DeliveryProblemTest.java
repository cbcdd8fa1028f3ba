package org.opennrm.transnational.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opennrm.i18n.internal.CatalogueTexts;

/**
 * A delivery problem is kept in the outbox as a short code and read back for the coordinator's page, which says it in
 * the reader's language with its technical detail.
 */
class DeliveryProblemTest {

	private static final List<DeliveryProblem> EVERY_KIND = List.of(
			DeliveryProblem.unreachable(new ConnectException("refused")),
			DeliveryProblem.refused(409, Optional.of("duplicate")), DeliveryProblem.refused(503, Optional.empty()),
			DeliveryProblem.badReceipt("bad-signature"), DeliveryProblem.interrupted(), DeliveryProblem.notAPeer(),
			DeliveryProblem.failed(new IllegalStateException("boom")));

	@Test
	void is_written_as_before_and_read_back_as_written() {
		assertThat(EVERY_KIND).extracting(DeliveryProblem::written)
			.containsExactly("unreachable: ConnectException", "HTTP 409 duplicate", "HTTP 503",
					"receipt refused: bad-signature", "interrupted", "not-a-peer", "failed: IllegalStateException");
		assertThat(EVERY_KIND).allSatisfy(
				problem -> assertThat(DeliveryProblem.read(problem.written())).contains(problem));
		assertThat(EVERY_KIND).extracting(DeliveryProblem::kind).containsAll(List.of(DeliveryProblem.Kind.values()));
	}

	@Test
	void text_it_did_not_write_is_not_read() {
		assertThat(DeliveryProblem.read(null)).isEmpty();
		assertThat(DeliveryProblem.read("")).isEmpty();
		assertThat(DeliveryProblem.read("HTTP error")).isEmpty();
		assertThat(DeliveryProblem.read("interrupted twice")).isEmpty();
		assertThat(DeliveryProblem.read("something else")).isEmpty();
	}

	@Test
	void the_page_says_each_kind_in_every_language_with_its_detail() {
		Set<String> unreachable = new HashSet<>();
		for (String language : List.of("en", "mk", "sq", "sr-Latn")) {
			TransnationalPage.Format format = new TransnationalPage.Format(CatalogueTexts.read(),
					Locale.forLanguageTag(language));
			List<String> said = EVERY_KIND.stream().map(problem -> format.problem(problem.written())).toList();

			assertThat(said).as(language).doesNotHaveDuplicates().noneMatch(String::isBlank)
				.noneMatch(text -> text.startsWith("page."));
			assertThat(said.get(0)).as(language).contains("(ConnectException)");
			assertThat(said.get(1)).as(language).contains("(409 duplicate)");
			assertThat(said.get(3)).as(language).contains("(bad-signature)");
			unreachable.add(said.get(0));
		}
		assertThat(unreachable).as("each language its own words").hasSize(4);
		TransnationalPage.Format macedonian = new TransnationalPage.Format(CatalogueTexts.read(), Locale.forLanguageTag("mk"));
		assertThat(macedonian.problem("unreachable: ConnectException"))
			.isEqualTo("Партнерот не можеше да се достигне (ConnectException)");
		assertThat(macedonian.problem("written by a release to come")).isEqualTo("written by a release to come");
		assertThat(macedonian.problem(null)).isEmpty();
	}
}
