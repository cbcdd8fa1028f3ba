package org.opennrm.psychosocial;

/**
 * The provider's assessment of the person's psycho-social needs. What it found stays in the provider's own file.
 *
 * @param assessmentReference where the assessment is in that file (optional)
 */
public record AssessPsychoSocialNeeds(@FileReference String assessmentReference) {

	public AssessPsychoSocialNeeds {
		assessmentReference = FileReference.Values.orNull(assessmentReference);
	}
}
