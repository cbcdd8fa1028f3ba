package org.opennrm.child;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A guardian appointed for the child. The guardian must be a member of the guardians group (checked against the
 * identity store).
 *
 * @param guardianUserId the guardian's user id
 */
public record AppointGuardian(
		@NotNull @Size(max = 64) @Pattern(regexp = AppointGuardian.USER_ID,
				message = "{validation.guardian.userId}") String guardianUserId) {

	/** A user id: letters and digits, joined by single dots, hyphens or underscores. */
	public static final String USER_ID = "[a-zA-Z0-9]+([._-][a-zA-Z0-9]+)*";
}
