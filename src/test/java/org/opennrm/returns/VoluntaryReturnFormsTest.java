package org.opennrm.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

/** What a case manager may submit for a return. */
class VoluntaryReturnFormsTest {

	static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

	@Test
	void a_return_goes_ahead_only_with_a_confirmed_partner_in_a_real_country() {
		assertThat(invalidFields(new ArrangeReceivingPartner(true, "MK"))).isEmpty();
		assertThat(invalidFields(new ArrangeReceivingPartner(false, "MK"))).containsExactly("receivingPartnerConfirmed");
		assertThat(invalidFields(new ArrangeReceivingPartner(true, "XX"))).containsExactly("receivingCountryKnown");
		assertThat(invalidFields(new ArrangeReceivingPartner(true, "mk"))).contains("receivingCountry");
		assertThat(invalidFields(new ArrangeReceivingPartner(null, null)))
			.contains("receivingPartnerConfirmed", "receivingCountry");
	}

	@Test
	void a_return_request_names_its_reason() {
		assertThat(invalidFields(new ReturnRequest(ReturnReason.PersonRequested))).isEmpty();
		assertThat(invalidFields(new ReturnRequest(null))).containsExactly("reason");
	}

	private static Set<String> invalidFields(Object form) {
		return Set.copyOf(VALIDATOR.validate(form).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
			.toList());
	}
}
