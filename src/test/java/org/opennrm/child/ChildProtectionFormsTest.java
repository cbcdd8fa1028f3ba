package org.opennrm.child;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

/** What a case manager and a guardian may submit. */
class ChildProtectionFormsTest {

	static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

	@Test
	void a_guardian_is_named_by_a_user_id() {
		assertThat(invalidFields(new AppointGuardian("ana.petrovic"))).isEmpty();
		assertThat(invalidFields(new AppointGuardian("Ana Petrović"))).containsExactly("guardianUserId");
		assertThat(invalidFields(new AppointGuardian(null))).containsExactly("guardianUserId");
	}

	@Test
	void a_guardian_shares_only_with_known_agencies_and_may_share_with_none() {
		assertThat(invalidFields(new RecordGuardianConsent(true, List.of("health", "ngo"), true))).isEmpty();
		assertThat(invalidFields(new RecordGuardianConsent(true, null, false))).isEmpty();
		assertThat(invalidFields(new RecordGuardianConsent(true, List.of("press"), true)))
			.isNotEmpty()
			.allMatch(field -> field.startsWith("consentToShareWithAgencies"));
		assertThat(invalidFields(new RecordGuardianConsent(null, List.of(), null)))
			.containsExactlyInAnyOrder("consentToServices", "childViewsHeard");
	}

	private static Set<String> invalidFields(Object form) {
		return Set.copyOf(VALIDATOR.validate(form).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
			.toList());
	}
}
