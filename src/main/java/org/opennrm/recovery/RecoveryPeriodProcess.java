package org.opennrm.recovery;

/**
 * The {@code RecoveryPeriod} model ({@code processes/recovery/RecoveryPeriod.bpmn}). Called by the case process with
 * the case's references, the business key, {@link Variables#COMPETENT_AUTHORITY} and
 * {@link Variables#FOREIGN_NATIONAL}; returns nothing to route on.
 */
public final class RecoveryPeriodProcess {

	public static final String KEY = "RecoveryPeriod";

	public static final String START_EVENT_RECOVERY_PERIOD_GRANTED = "StartEvent_RecoveryPeriodGranted";

	public static final String TASK_START_RECOVERY_PERIOD = "Task_StartRecoveryPeriod";

	public static final String EVENT_RECOVERY_PERIOD_ENDS = "Event_RecoveryPeriodEnds";

	public static final String TASK_REVIEW_RECOVERY_PERIOD = "Task_ReviewRecoveryPeriod";

	public static final String BOUNDARY_EVENT_REVIEW_REMINDER = "BoundaryEvent_ReviewRecoveryPeriodReminder";

	public static final String TASK_REMIND_REVIEW_OWNER = "Task_RemindReviewRecoveryPeriodOwner";

	public static final String END_EVENT_REVIEW_OWNER_REMINDED = "EndEvent_ReviewRecoveryPeriodOwnerReminded";

	public static final String BOUNDARY_EVENT_REVIEW_OVERDUE = "BoundaryEvent_ReviewRecoveryPeriodOverdue";

	public static final String CALL_ACTIVITY_ESCALATE_REVIEW = "CallActivity_EscalateReviewRecoveryPeriod";

	public static final String END_EVENT_REVIEW_ESCALATED = "EndEvent_ReviewRecoveryPeriodEscalated";

	public static final String GATEWAY_EXTEND_RECOVERY_PERIOD = "Gateway_ExtendRecoveryPeriod";

	public static final String TASK_EXTEND_RECOVERY_PERIOD = "Task_ExtendRecoveryPeriod";

	public static final String TASK_END_RECOVERY_PERIOD = "Task_EndRecoveryPeriod";

	public static final String END_EVENT_RECOVERY_PERIOD_ENDED = "EndEvent_RecoveryPeriodEnded";

	/** The length of the period for a national or resident. */
	public static final String CLOCK_RECOVERY_PERIOD = "recovery-period";

	/** The length of the period for a foreign national (e.g. MK: up to two months). */
	public static final String CLOCK_RECOVERY_PERIOD_FOREIGN_NATIONAL = "recovery-period-foreign-national";

	/** The length of one extension. */
	public static final String CLOCK_RECOVERY_PERIOD_EXTENSION = "recovery-period-extension";

	/** The time the authority has to review the end of the period. */
	public static final String CLOCK_RECOVERY_REVIEW = "recovery-review";

	/** Variable names. */
	public static final class Variables {

		/** In: the group that reviews the period. */
		public static final String COMPETENT_AUTHORITY = "competentAuthority";

		/** In: whether the person is a foreign national; chooses the length of the period. */
		public static final String FOREIGN_NATIONAL = "foreignNational";

		/** When the period (or its latest extension) ends: the timer of {@link #EVENT_RECOVERY_PERIOD_ENDS}. */
		public static final String RECOVERY_PERIOD_ENDS = "recoveryPeriodEnds";

		/** The review's decision. */
		public static final String EXTEND_PERIOD = "extendPeriod";

		private Variables() {
		}
	}

	private RecoveryPeriodProcess() {
	}
}
