package org.opennrm.child;

/**
 * A child's guardianship: who the case names as the guardian, and the appointment of another one.
 */
public interface Guardianship {

	/**
	 * Appoints another guardian for a child who has one, as the signed-in user: social services leading the case, or a
	 * supervisor; anyone else is told the case does not exist. The guardian's open tasks for the child move to the new
	 * guardian, and the former guardian's access to the child's case ends.
	 *
	 * @param reference the case
	 * @param change the new guardian and why
	 * @return the change made
	 * @throws org.springframework.web.ErrorResponseException 404 for a case the user may not change, 409 for a case
	 * that is closed, not a child's, or has no guardian or already this one
	 * @throws org.opennrm.platform.InvalidFields when the new guardian is not in the guardians group
	 */
	GuardianChanged change(String reference, ChangeGuardian change);
}
