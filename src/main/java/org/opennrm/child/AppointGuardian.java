package org.opennrm.child;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.opennrm.platform.UserIds;

/**
 * A guardian appointed for the child. The guardian must be a member of the guardians group (checked against the
 * identity store).
 *
 * @param guardianUserId the guardian's user id
 */
public record AppointGuardian(
		@NotNull @Size(max = UserIds.MAX_LENGTH) @Pattern(regexp = UserIds.FORM,
				message = "{validation.guardian.userId}") String guardianUserId) {
}
