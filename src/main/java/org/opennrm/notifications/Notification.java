package org.opennrm.notifications;

import java.time.Instant;

import org.opennrm.i18n.Text;

/**
 * Something a user or a group should know about a case.
 *
 * @param id notification id
 * @param recipientUser the user it is for, or {@code null} when it is for a group
 * @param recipientGroup the group it is for, or {@code null} when it is for a user
 * @param caseReference the case it is about
 * @param kind what happened
 * @param subject a short line naming the step (a task's name), never personal data, to be said in the reader's
 * language
 * @param createdAt when it was raised
 * @param readAt when its recipient marked it read
 */
public record Notification(long id, String recipientUser, String recipientGroup, String caseReference, Kind kind,
		Text subject, Instant createdAt, Instant readAt) {

	public enum Kind {
		/** A deadline is close. */
		DeadlineReminder,
		/** A deadline passed and a supervisor follows it up. */
		DeadlineMissed,
		/** An escalation reached the national coordinator. */
		EscalatedToCoordinator,
		/** A removal or return was refused because the person is protected. */
		RemovalBlocked,
		/** Consent was withdrawn: the covered sharing and steps stopped. */
		ConsentWithdrawn,
		/** A presumed victim declined referral: counted, not identified. */
		AnonymousReferral,
		/** A referral to or from another country's instance arrived, or its answer did. */
		TransnationalReferral
	}
}
