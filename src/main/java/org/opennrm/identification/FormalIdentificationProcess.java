package org.opennrm.identification;

/**
 * The {@code FormalIdentification} model ({@code processes/identification/FormalIdentification.bpmn}): the formal
 * (conclusive grounds) decision and, after a negative one, the reconsideration window. Called by the case process;
 * returns {@link Variables#IDENTIFIED}. New evidence reaches it as the message {@link #MESSAGE_NEW_EVIDENCE_SUBMITTED},
 * correlated on the case reference (business key) and {@link #KEY}.
 */
public final class FormalIdentificationProcess {

	public static final String KEY = "FormalIdentification";

	public static final String START_EVENT_FORMAL_DECISION_REQUESTED = "StartEvent_FormalDecisionRequested";

	public static final String TASK_DECIDE_FORMAL_IDENTIFICATION = "Task_DecideFormalIdentification";

	public static final String BOUNDARY_EVENT_DECISION_REMINDER = "BoundaryEvent_DecideFormalIdentificationReminder";

	public static final String TASK_REMIND_DECISION_OWNER = "Task_RemindDecideFormalIdentificationOwner";

	public static final String END_EVENT_DECISION_OWNER_REMINDED = "EndEvent_DecideFormalIdentificationOwnerReminded";

	public static final String BOUNDARY_EVENT_DECISION_OVERDUE = "BoundaryEvent_DecideFormalIdentificationOverdue";

	public static final String CALL_ACTIVITY_ESCALATE_DECISION = "CallActivity_EscalateDecideFormalIdentification";

	public static final String END_EVENT_DECISION_ESCALATED = "EndEvent_DecideFormalIdentificationEscalated";

	public static final String GATEWAY_IDENTIFIED = "Gateway_Identified";

	public static final String TASK_RECORD_IDENTIFICATION = "Task_RecordIdentification";

	public static final String END_EVENT_VICTIM_IDENTIFIED = "EndEvent_VictimIdentified";

	public static final String TASK_OPEN_RECONSIDERATION_WINDOW = "Task_OpenReconsiderationWindow";

	public static final String GATEWAY_NEW_EVIDENCE_IN_TIME = "Gateway_NewEvidenceInTime";

	public static final String EVENT_NEW_EVIDENCE_SUBMITTED = "Event_NewEvidenceSubmitted";

	public static final String EVENT_RECONSIDERATION_WINDOW_CLOSED = "Event_ReconsiderationWindowClosed";

	public static final String TASK_CLOSE_RECONSIDERATION_WINDOW = "Task_CloseReconsiderationWindow";

	public static final String END_EVENT_NOT_IDENTIFIED = "EndEvent_NotIdentified";

	/** New evidence for a negative decision, submitted while the reconsideration window is open. */
	public static final String MESSAGE_NEW_EVIDENCE_SUBMITTED = "NewEvidenceSubmitted";

	/** The clock of the formal decision. */
	public static final String CLOCK_FORMAL_DECISION = "formal-decision";

	/** The clock of the reconsideration window. */
	public static final String CLOCK_RECONSIDERATION_WINDOW = "reconsideration-window";

	/** Variable names. */
	public static final class Variables {

		/** In: the group that takes the formal decision. */
		public static final String COMPETENT_AUTHORITY = "competentAuthority";

		/** Out: the (latest) formal decision. */
		public static final String IDENTIFIED = "identified";

		private Variables() {
		}
	}

	private FormalIdentificationProcess() {
	}
}
