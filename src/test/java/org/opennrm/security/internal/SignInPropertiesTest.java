package org.opennrm.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The times that bound how long a revoked password or token still works are refused outside their range. */
class SignInPropertiesTest {

	@Test
	void http_basic_remembers_between_nothing_and_a_minute() {
		assertThat(basic(Duration.ZERO).remember()).isZero();
		assertThat(basic(Duration.ofMinutes(1)).remember()).isEqualTo(Duration.ofMinutes(1));
		assertThatIllegalArgumentException().isThrownBy(() -> basic(Duration.ofSeconds(-1)))
			.withMessage("nrm.security.sign-in.http-basic.remember must be between 0s and 1m");
		assertThatIllegalArgumentException().isThrownBy(() -> basic(Duration.ofSeconds(61)));
	}

	@Test
	void a_tokens_introspection_is_kept_between_nothing_and_a_minute_ten_seconds_when_unset() {
		assertThat(provider(null).introspectionCache()).isEqualTo(Duration.ofSeconds(10));
		assertThat(provider(Duration.ZERO).introspectionCache()).isZero();
		assertThat(provider(Duration.ofMinutes(1)).introspectionCache()).isEqualTo(Duration.ofMinutes(1));
		assertThatIllegalArgumentException().isThrownBy(() -> provider(Duration.ofMillis(-1)))
			.withMessage("nrm.security.sign-in.provider.introspection-cache must be between 0s and 1m");
		assertThatIllegalArgumentException().isThrownBy(() -> provider(Duration.ofSeconds(61)));
	}

	private static SignInProperties.HttpBasic basic(Duration remember) {
		return new SignInProperties.HttpBasic(true, false, remember);
	}

	private static SignInProperties.Provider provider(Duration introspectionCache) {
		return new SignInProperties.Provider("idp", null, null, Map.of(), Map.of(), introspectionCache, null);
	}
}
