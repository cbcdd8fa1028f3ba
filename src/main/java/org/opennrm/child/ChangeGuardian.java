package org.opennrm.child;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.opennrm.platform.UserIds;

/**
 * Another guardian for a child who has one: the former can no longer act for the child (a conflict of interest, a
 * guardian who left, the yearly review).
 *
 * @param guardianUserId the new guardian's user id, a member of the guardians group
 * @param reason why, 10 to 500 characters (no personal data)
 */
public record ChangeGuardian(
		@NotNull @Size(max = UserIds.MAX_LENGTH) @Pattern(regexp = UserIds.FORM,
				message = "{validation.guardian.userId}") String guardianUserId,
		@NotBlank @Size(min = 10, max = 500) String reason) {

	/** The reason as it is kept: the length is checked on what is kept, not on the padding. */
	public ChangeGuardian {
		reason = reason == null ? null : reason.strip();
	}
}
