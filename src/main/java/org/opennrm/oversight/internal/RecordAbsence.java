package org.opennrm.oversight.internal;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.opennrm.platform.UserIds;

/**
 * Record that a worker is away from the first to the last day (inclusive), and who covers their tasks meanwhile.
 *
 * @param userId the absent worker
 * @param from first day away
 * @param to last day away
 * @param substitute a colleague who shares one of the worker's casework groups
 * @param reason why, 10 to 500 characters (no personal data: "annual leave", not a diagnosis)
 */
record RecordAbsence(
		@NotBlank @Size(max = UserIds.MAX_LENGTH) @Pattern(regexp = UserIds.FORM,
				message = "{validation.userId}") String userId,
		@NotNull LocalDate from, @NotNull LocalDate to,
		@NotBlank @Size(max = UserIds.MAX_LENGTH) @Pattern(regexp = UserIds.FORM,
				message = "{validation.userId}") String substitute,
		@NotBlank @Size(min = 10, max = 500) String reason) {
}
