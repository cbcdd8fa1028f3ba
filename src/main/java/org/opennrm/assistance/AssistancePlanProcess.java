package org.opennrm.assistance;

/**
 * The {@code AssistancePlan} model ({@code processes/assistance/AssistancePlan.bpmn}): the case manager writes the
 * plan with the person, or with the guardian for a child, by the clock {@value #CLOCK}; a supervisor who is not its
 * author approves it or sends it back for revision.
 * <p>
 * Called with the case reference as business key and {@code caseId}, {@code caseReference}, {@code jurisdiction} and
 * {@link Variables#IS_CHILD}; gives back {@link Variables#PLANNED_SERVICES}. No messages, no errors. The plan's content
 * lives in the case file; the process carries its {@link Variables#PLAN_REFERENCE} only.
 */
public final class AssistancePlanProcess {

	public static final String KEY = "AssistancePlan";

	/** The jurisdiction clock the plan is due by. */
	public static final String CLOCK = "assistance-plan";

	public static final String START_EVENT_ASSISTANCE_PLAN_REQUESTED = "StartEvent_AssistancePlanRequested";

	/** Where a first draft and a revision meet. */
	public static final String GATEWAY_PLAN_TO_WRITE = "Gateway_PlanToWrite";

	public static final String TASK_DRAFT_ASSISTANCE_PLAN = "Task_DraftAssistancePlan";

	public static final String TASK_APPROVE_ASSISTANCE_PLAN = "Task_ApproveAssistancePlan";

	public static final String GATEWAY_PLAN_APPROVED = "Gateway_PlanApproved";

	public static final String END_EVENT_PLAN_APPROVED = "EndEvent_PlanApproved";

	public static final String BOUNDARY_EVENT_DRAFT_REMINDER = "BoundaryEvent_DraftAssistancePlanReminder";

	public static final String TASK_REMIND_DRAFT_OWNER = "Task_RemindDraftAssistancePlanOwner";

	public static final String END_EVENT_DRAFT_OWNER_REMINDED = "EndEvent_DraftAssistancePlanOwnerReminded";

	public static final String BOUNDARY_EVENT_DRAFT_OVERDUE = "BoundaryEvent_DraftAssistancePlanOverdue";

	public static final String CALL_ACTIVITY_ESCALATE_DRAFT = "CallActivity_EscalateDraftAssistancePlan";

	public static final String END_EVENT_DRAFT_ESCALATED = "EndEvent_DraftAssistancePlanEscalated";

	/** Variable names. */
	public static final class Variables {

		/** In: whether the person is (treated as) a child; a child's plan is written with the guardian. */
		public static final String IS_CHILD = "isChild";

		/** Out: the planned services, a list of {@link PlannedService} names. */
		public static final String PLANNED_SERVICES = "plannedServices";

		public static final String WRITTEN_WITH = "writtenWith";

		/** The case file reference of the plan document. */
		public static final String PLAN_REFERENCE = "planReference";

		/** The user who completed the latest draft; they may not approve it. */
		public static final String PLAN_AUTHOR = "planAuthor";

		public static final String PLAN_APPROVED = "planApproved";

		public static final String REVISION_REASON = "revisionReason";

		private Variables() {
		}
	}

	private AssistancePlanProcess() {
	}
}
