package org.opennrm.psychosocial;

import jakarta.validation.constraints.NotNull;

/**
 * One support session, recorded without its content: that stays in the provider's own file.
 *
 * @param sessionHeld whether the session took place
 * @param nextStep what comes next
 * @param sessionReference where the session notes are in that file (optional)
 */
public record RecordSupportSession(@NotNull Boolean sessionHeld, @NotNull NextStep nextStep,
		@FileReference String sessionReference) {

	public RecordSupportSession {
		sessionReference = FileReference.Values.orNull(sessionReference);
	}

	public enum NextStep {
		Continue, PlannedEnding, HandOver
	}
}
