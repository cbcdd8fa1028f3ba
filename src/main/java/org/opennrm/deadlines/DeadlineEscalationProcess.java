package org.opennrm.deadlines;

/** The {@code DeadlineEscalation} model ({@code processes/deadlines/DeadlineEscalation.bpmn}). */
public final class DeadlineEscalationProcess {

	public static final String KEY = "DeadlineEscalation";

	public static final String START_EVENT_DEADLINE_MISSED = "StartEvent_DeadlineMissed";

	public static final String TASK_MARK_TASK_OVERDUE = "Task_MarkTaskOverdue";

	public static final String TASK_FOLLOW_UP_OVERDUE_TASK = "Task_FollowUpOverdueTask";

	public static final String BOUNDARY_EVENT_FOLLOW_UP_OVERDUE = "BoundaryEvent_FollowUpOverdue";

	public static final String TASK_REVIEW_ESCALATED_CASE = "Task_ReviewEscalatedCase";

	public static final String END_EVENT_OVERDUE_TASK_FOLLOWED_UP = "EndEvent_OverdueTaskFollowedUp";

	public static final String END_EVENT_REVIEWED_BY_COORDINATOR = "EndEvent_ReviewedByCoordinator";

	public static final String START_EVENT_DEADLINE_MET = "StartEvent_DeadlineMet";

	public static final String END_EVENT_ESCALATION_CLOSED = "EndEvent_EscalationClosed";

	/** Closes an escalation whose overdue task got done. */
	public static final String MESSAGE_DEADLINE_MET = "DeadlineMet";

	/** Variables the calling process passes in. */
	public static final class Variables {

		/** The id in its model of the task whose deadline passed. */
		public static final String OVERDUE_TASK_KEY = "overdueTaskKey";

		/** The process instance that holds the overdue task. */
		public static final String OVERDUE_PROCESS_INSTANCE_ID = "overdueProcessInstanceId";

		/** The name of the clock that ran out. */
		public static final String DEADLINE_CLOCK = "deadlineClock";

		/**
		 * The overdue task's name, for the forms; a caller whose deadline is not a task's (a delivery that did not
		 * arrive) passes it in.
		 */
		public static final String OVERDUE_TASK_NAME = "overdueTaskName";

		private Variables() {
		}
	}

	private DeadlineEscalationProcess() {
	}
}
