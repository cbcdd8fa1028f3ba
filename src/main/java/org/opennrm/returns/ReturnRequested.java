package org.opennrm.returns;

/**
 * A return request as it stands right after it was made.
 *
 * @param caseReference the case
 * @param reason why it was requested
 * @param outcome {@code Blocked} when the person is protected from removal (nothing else happens), otherwise
 * {@code InProgress}
 */
public record ReturnRequested(String caseReference, ReturnReason reason, Outcome outcome) {

	public enum Outcome {
		Blocked, InProgress
	}
}
