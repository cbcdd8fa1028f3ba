package org.opennrm.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.opennrm.assistance.ApproveAssistancePlan.RevisionReason;
import org.opennrm.assistance.DraftAssistancePlan.WrittenWith;

/** What a case manager and a supervisor may submit. */
class AssistancePlanFormsTest {

	static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

	@Test
	void a_plan_names_its_services_once_each_and_references_its_document() {
		assertThat(invalidFields(new DraftAssistancePlan(null, List.of(PlannedService.Shelter, PlannedService.LegalAid),
				WrittenWith.Person, "AP/2026/0042"))).isEmpty();
		assertThat(invalidFields(new DraftAssistancePlan(null, List.of(), null, null)))
			.contains("plannedServices", "writtenWith", "planReference");
		assertThat(invalidFields(new DraftAssistancePlan(null, List.of(PlannedService.Shelter, PlannedService.Shelter),
				WrittenWith.Person, "AP-1"))).containsExactly("eachServiceOnce");
	}

	@Test
	void a_plan_reference_is_a_reference_not_the_plan() {
		assertThat(invalidFields(new DraftAssistancePlan(null, List.of(PlannedService.Shelter), WrittenWith.Person,
				"The person needs a safe place because"))).containsExactly("planReference");
		assertThat(invalidFields(new DraftAssistancePlan(null, List.of(PlannedService.Shelter), WrittenWith.Person,
				"A".repeat(41)))).containsExactly("planReference");
	}

	@Test
	void a_plan_sent_back_says_why() {
		assertThat(invalidFields(new ApproveAssistancePlan(null, null, false, null))).containsExactly("revisionReasonGiven");
		assertThat(invalidFields(new ApproveAssistancePlan(null, null, false, RevisionReason.ServicesIncomplete))).isEmpty();
		assertThat(invalidFields(new ApproveAssistancePlan(null, null, true, null))).isEmpty();
	}

	private static Set<String> invalidFields(Object form) {
		return Set.copyOf(VALIDATOR.validate(form).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
			.toList());
	}
}
