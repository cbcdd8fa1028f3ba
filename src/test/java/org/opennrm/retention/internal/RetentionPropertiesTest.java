package org.opennrm.retention.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RetentionPropertiesTest {

	static final RetentionProperties.Erasure NIGHTLY = new RetentionProperties.Erasure(true, "0 30 1 * * *", 200);

	@Test
	void a_named_key_wins_over_the_default_whatever_its_case() {
		RetentionProperties properties = new RetentionProperties(Map.of("default", 400, "NrmCase", 30),
				Period.ofYears(5), NIGHTLY);

		assertThat(properties.historyTimeToLive("NrmCase")).isEqualTo(30);
		assertThat(properties.historyTimeToLive("nrmcase")).isEqualTo(30);
		assertThat(properties.historyTimeToLive("VictimIdentification")).isEqualTo(400);
	}

	@Test
	void without_any_setting_history_is_kept_five_years() {
		RetentionProperties properties = new RetentionProperties(null, Period.ofYears(5), NIGHTLY);

		assertThat(properties.historyTimeToLive("NrmCase")).isEqualTo(RetentionProperties.DEFAULT_DAYS);
	}

	@Test
	void negative_days_and_an_empty_retention_period_are_refused_at_start() {
		assertThatThrownBy(() -> new RetentionProperties(Map.of("NrmCase", -1), Period.ofYears(5), NIGHTLY))
			.hasMessageContaining("history-time-to-live.NrmCase");
		assertThatThrownBy(() -> new RetentionProperties(Map.of(), Period.ZERO, NIGHTLY))
			.hasMessageContaining("case-file-after-closure");
	}
}
