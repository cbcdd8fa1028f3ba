package org.opennrm.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opennrm.cases.Case;

/** The reference prefix an operator configures, and the references it makes, against the form every endpoint takes. */
class CasePropertiesTest {

	@ParameterizedTest
	@ValueSource(strings = { "NRM", "DEMO", "MK", "ABCDEFGHIJ" })
	void every_reference_made_with_an_accepted_prefix_is_one_the_endpoints_take(String prefix) {
		CaseProperties properties = new CaseProperties(prefix, "coe");

		assertThat(properties.reference(2026, 42)).matches(Case.REFERENCE).isEqualTo(prefix + "-2026-000042");
		assertThat(properties.reference(2031, 1_234_567)).matches(Case.REFERENCE);
		assertThat(Case.isReference(properties.reference(2026, 42))).isTrue();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "nrm-2026-000042", "NRM-2026-42", "NRM-26-000042", "NRM-2026-000042 ", "NRM-2026-000042/x" })
	void anything_of_another_form_is_not_a_reference(String candidate) {
		assertThat(Case.isReference(candidate)).isFalse();
	}

	/** Cases opened under such a prefix could be opened but never read, changed or closed through the API or the pages. */
	@ParameterizedTest
	@ValueSource(strings = { "nrm", "N", "ABCDEFGHIJK", "NRM-MK", "NRM1", "ÇNRM", "" })
	void a_prefix_the_endpoints_would_refuse_stops_the_start(String prefix) {
		assertThatIllegalArgumentException().isThrownBy(() -> new CaseProperties(prefix, "coe"))
			.withMessageContaining("nrm.cases.reference-prefix");
	}
}
