package org.opennrm.psychosocial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.opennrm.psychosocial.RecordSupportSession.NextStep;
import org.opennrm.psychosocial.ReviewSupportProgress.Progress;

/** The support's forms take references to the provider's file, never content, and keep to their ranges. */
class SupportFormsTest {

	static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

	@Test
	void a_reference_to_the_providers_file_is_accepted_and_an_empty_one_is_no_reference() {
		assertThat(invalid(new RecordSupportSession(true, NextStep.Continue, "PSS/2026/0042_s-3.v1"))).isEmpty();
		assertThat(new RecordSupportSession(true, NextStep.Continue, "").sessionReference()).isNull();
		assertThat(new AgreeSupportPlan(4, "  ").planReference()).isNull();
		assertThat(new AssessPsychoSocialNeeds("").assessmentReference()).isNull();
		assertThat(invalid(new AssessPsychoSocialNeeds(null))).isEmpty();
	}

	@Test
	void content_does_not_fit_in_a_reference() {
		assertThat(invalid(new RecordSupportSession(true, NextStep.Continue, "She talked about her employer")))
			.containsExactly("sessionReference");
		assertThat(invalid(new AgreeSupportPlan(4, "x".repeat(41)))).containsExactly("planReference");
		assertThat(invalid(new AssessPsychoSocialNeeds("needs: sleep, safety"))).containsExactly("assessmentReference");
	}

	@Test
	void a_plan_has_between_1_and_100_sessions() {
		assertThat(invalid(new AgreeSupportPlan(1, null))).isEmpty();
		assertThat(invalid(new AgreeSupportPlan(100, null))).isEmpty();
		assertThat(invalid(new AgreeSupportPlan(0, null))).containsExactly("plannedSessions");
		assertThat(invalid(new AgreeSupportPlan(101, null))).containsExactly("plannedSessions");
		assertThat(invalid(new AgreeSupportPlan(null, null))).containsExactly("plannedSessions");
	}

	@Test
	void the_support_is_handed_over_to_an_agency() {
		assertThat(invalid(new HandOverSupport("health"))).isEmpty();
		assertThat(invalid(new HandOverSupport("supervisor"))).containsExactly("handOverTo");
		assertThat(invalid(new HandOverSupport(null))).containsExactly("handOverTo");
	}

	@Test
	void yes_no_questions_and_choices_must_be_answered() {
		assertThat(invalid(new RecordSupportSession(null, null, null))).containsExactlyInAnyOrder("sessionHeld",
				"nextStep");
		assertThat(invalid(new ReviewSupportProgress(null, null))).containsExactlyInAnyOrder("progress", "adjustPlan");
		assertThat(invalid(new ReviewSupportProgress(Progress.Worsening, true))).isEmpty();
	}

	private static Set<String> invalid(Record form) {
		Set<ConstraintViolation<Record>> violations = VALIDATOR.validate(form);
		return violations.stream().map(violation -> violation.getPropertyPath().toString()).collect(Collectors.toSet());
	}
}
