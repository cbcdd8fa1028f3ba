package org.opennrm.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.opennrm.handoff.RecordServiceDelivery.ServiceOutcome;
import org.opennrm.handoff.RespondToReferral.DeclineReason;

/** The hand-off's task bodies: a reason with every decline, a provider with every new offer, an outcome at the end. */
class HandoffFormsTest {

	static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

	static final ObjectMapper JSON = JsonMapper.builder().build();

	@Test
	void a_decline_needs_a_reason_an_acceptance_does_not() {
		assertThat(VALIDATOR.validate(new RespondToReferral(true, null))).isEmpty();
		assertThat(VALIDATOR.validate(new RespondToReferral(false, DeclineReason.NoCapacity))).isEmpty();
		assertThat(VALIDATOR.validate(new RespondToReferral(false, null))).hasSize(1);
		assertThat(VALIDATOR.validate(new RespondToReferral(null, null))).hasSize(1);
	}

	@Test
	void another_provider_is_an_agency_unless_the_hand_off_is_withdrawn() {
		assertThat(VALIDATOR.validate(new ChooseAnotherProvider(true, null))).isEmpty();
		assertThat(VALIDATOR.validate(new ChooseAnotherProvider(false, "health"))).isEmpty();
		assertThat(VALIDATOR.validate(new ChooseAnotherProvider(false, null))).hasSize(1);
		assertThat(VALIDATOR.validate(new ChooseAnotherProvider(false, "coordinator"))).hasSize(1);
	}

	@Test
	void the_service_outcome_must_be_given() {
		assertThat(VALIDATOR.validate(new RecordServiceDelivery("Shelter", ServiceOutcome.NotDelivered))).isEmpty();
		assertThat(VALIDATOR.validate(new RecordServiceDelivery("Shelter", null))).hasSize(1);
	}

	@Test
	void bodies_read_from_json_keep_every_field_including_the_shown_service() throws Exception {
		RespondToReferral answer = JSON.convertValue(
				Map.of("service", "Shelter", "referralAccepted", false, "declineReason", "Other"), RespondToReferral.class);
		ChooseAnotherProvider choice = JSON.convertValue(Map.of("withdrawHandoff", false, "receivingAgency", "ngo"),
				ChooseAnotherProvider.class);

		assertThat(answer).isEqualTo(new RespondToReferral("Shelter", false, DeclineReason.Other));
		assertThat(choice).isEqualTo(new ChooseAnotherProvider(null, false, "ngo"));
	}
}
