package org.opennrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UserIdsTest {

	@ParameterizedTest
	@ValueSource(strings = { "demo-social", "ana.petrovic", "a", "x_1", "Ana.Petrovic-2",
			"a234567890123456789012345678901234567890123456789012345678901234" })
	void user_ids_of_letters_and_digits_joined_by_single_dots_hyphens_or_underscores_are_taken(String userId) {
		assertThat(UserIds.isUserId(userId)).isTrue();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { ".ana", "ana.", "ana..petrovic", "ana-_petrovic", "ana petrovic", "<b>ana</b>",
			"ana/../admin", "ana%2e", "ana\n", "ana@agency", "ana\\b", "ана",
			"a2345678901234567890123456789012345678901234567890123456789012345" })
	void anything_else_is_not_a_user_id(String candidate) {
		assertThat(UserIds.isUserId(candidate)).isFalse();
	}
}
