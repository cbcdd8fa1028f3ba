package org.opennrm.psychosocial;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The support plan agreed with the person. Its content stays in the provider's own file.
 *
 * @param plannedSessions how many sessions are planned
 * @param planReference where the plan is in that file (optional)
 */
public record AgreeSupportPlan(@NotNull @Min(1) @Max(100) Integer plannedSessions,
		@FileReference String planReference) {

	public AgreeSupportPlan {
		planReference = FileReference.Values.orNull(planReference);
	}
}
