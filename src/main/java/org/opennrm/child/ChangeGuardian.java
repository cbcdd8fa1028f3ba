package org.opennrm.child;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Another guardian for a child who has one: the former can no longer act for the child (a conflict of interest, a
 * guardian who left, the yearly review).
 *
 * @param guardianUserId the new guardian's user id, a member of the guardians group
 * @param reason why, 10 to 500 characters (no personal data)
 */
public record ChangeGuardian(
		@NotNull @Size(max = 64) @Pattern(regexp = AppointGuardian.USER_ID,
				message = "{validation.guardian.userId}") String guardianUserId,
		@NotBlank @Size(min = 10, max = 500) String reason) {

	/** The reason as it is kept: the length is checked on what is kept, not on the padding. */
	public ChangeGuardian {
		reason = reason == null ? null : reason.strip();
	}
}
