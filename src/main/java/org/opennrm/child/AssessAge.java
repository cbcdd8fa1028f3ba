package org.opennrm.child;

import jakarta.validation.constraints.NotNull;

/**
 * The outcome of an age assessment. Until one finds an adult, the person is treated as a child.
 *
 * @param ageAssessment child or adult
 * @param assessmentMethod how the age was assessed
 */
public record AssessAge(@NotNull AgeAssessment ageAssessment, @NotNull AssessmentMethod assessmentMethod) {

	public enum AgeAssessment {
		Child, Adult
	}

	/** How an age was assessed; a medical examination is a last resort. */
	public enum AssessmentMethod {
		Documents, MultidisciplinaryAssessment, PsychosocialInterview, MedicalExamination, Other
	}
}
