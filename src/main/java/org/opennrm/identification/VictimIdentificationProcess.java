package org.opennrm.identification;

/**
 * The {@code VictimIdentification} model ({@code processes/identification/VictimIdentification.bpmn}): screening,
 * the screener's decision and the reasonable grounds decision. Called by the case process with the case's references
 * and the business key; returns {@link Variables#PRESUMED_VICTIM}, {@link Variables#REASONABLE_GROUNDS} and
 * {@link Variables#SCREENING_RECOMMENDATION}.
 */
public final class VictimIdentificationProcess {

	public static final String KEY = "VictimIdentification";

	public static final String START_EVENT_SCREENING_REQUESTED = "StartEvent_ScreeningRequested";

	public static final String TASK_SCREEN_INDICATORS = "Task_ScreenIndicators";

	public static final String TASK_RECOMMEND_SCREENING_OUTCOME = "Task_RecommendScreeningOutcome";

	public static final String TASK_CONFIRM_SCREENING_OUTCOME = "Task_ConfirmScreeningOutcome";

	public static final String GATEWAY_PRESUMED_VICTIM = "Gateway_PresumedVictim";

	public static final String END_EVENT_NOT_PRESUMED = "EndEvent_NotPresumed";

	public static final String TASK_PROTECT_PRESUMED_VICTIM = "Task_ProtectPresumedVictim";

	public static final String TASK_DECIDE_REASONABLE_GROUNDS = "Task_DecideReasonableGrounds";

	public static final String BOUNDARY_EVENT_DECISION_REMINDER = "BoundaryEvent_DecideReasonableGroundsReminder";

	public static final String TASK_REMIND_DECISION_OWNER = "Task_RemindDecideReasonableGroundsOwner";

	public static final String END_EVENT_DECISION_OWNER_REMINDED = "EndEvent_DecideReasonableGroundsOwnerReminded";

	public static final String BOUNDARY_EVENT_DECISION_OVERDUE = "BoundaryEvent_DecideReasonableGroundsOverdue";

	public static final String CALL_ACTIVITY_ESCALATE_DECISION = "CallActivity_EscalateDecideReasonableGrounds";

	public static final String END_EVENT_DECISION_ESCALATED = "EndEvent_DecideReasonableGroundsEscalated";

	public static final String GATEWAY_REASONABLE_GROUNDS = "Gateway_ReasonableGrounds";

	public static final String END_EVENT_REASONABLE_GROUNDS_FOUND = "EndEvent_ReasonableGroundsFound";

	public static final String TASK_RECORD_NO_REASONABLE_GROUNDS = "Task_RecordNoReasonableGrounds";

	public static final String END_EVENT_NO_REASONABLE_GROUNDS = "EndEvent_NoReasonableGrounds";

	/** The decision (DRD) that recommends a screening outcome, in {@code ScreeningRecommendation.dmn}. */
	public static final String DECISION_SCREENING_RECOMMENDATION = "ScreeningRecommendation";

	/** The clock of the reasonable grounds decision. */
	public static final String CLOCK_PRELIMINARY_DECISION = "preliminary-decision";

	/** Variable names: what the caller passes in, what the process routes on and what it returns. */
	public static final class Variables {

		/** In: whether the person is a child; {@code null} (age uncertain) is treated as a child. */
		public static final String IS_CHILD = "isChild";

		/** In: a {@link SuspectedExploitation} name; chooses the checklist. */
		public static final String SUSPECTED_EXPLOITATION = "suspectedExploitation";

		/** In: the group of the agency that screens and decides on the screening outcome. */
		public static final String REFERRING_AGENCY = "referringAgency";

		/** In: the group that decides on reasonable grounds. */
		public static final String COMPETENT_AUTHORITY = "competentAuthority";

		/** Task-local on the screening: the checklist's items as {@code [{label, value}]} JSON for the form. */
		public static final String INDICATOR_OPTIONS = "indicatorOptions";

		/** The screening's sensitive field: codes of the indicators seen. Never a process variable. */
		public static final String OBSERVED_INDICATORS = "observedIndicators";

		/** The id of the checklist the screening used. */
		public static final String CHECKLIST = "checklist";

		/** The version of that checklist. */
		public static final String CHECKLIST_VERSION = "checklistVersion";

		public static final String RECRUITMENT_STRONG = "recruitmentStrong";

		public static final String RECRUITMENT_MEDIUM = "recruitmentMedium";

		public static final String RECRUITMENT_WEAK = "recruitmentWeak";

		public static final String EXPLOITATION_STRONG = "exploitationStrong";

		public static final String EXPLOITATION_MEDIUM = "exploitationMedium";

		public static final String EXPLOITATION_WEAK = "exploitationWeak";

		public static final String COERCION_STRONG = "coercionStrong";

		public static final String COERCION_MEDIUM = "coercionMedium";

		public static final String COERCION_WEAK = "coercionWeak";

		/** Out: a {@link ScreeningRecommendation} name, the decision table's result. */
		public static final String SCREENING_RECOMMENDATION = "screeningRecommendation";

		/** Out: the screener's decision. */
		public static final String PRESUMED_VICTIM = "presumedVictim";

		/** Out: {@code Positive} or {@code Negative}; {@code null} when the person was not presumed a victim. */
		public static final String REASONABLE_GROUNDS = "reasonableGrounds";

		private Variables() {
		}
	}

	private VictimIdentificationProcess() {
	}
}
