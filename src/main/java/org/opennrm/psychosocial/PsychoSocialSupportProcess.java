package org.opennrm.psychosocial;

/**
 * The {@code PsychoSocialSupport} model ({@code processes/psychosocial/PsychoSocialSupport.bpmn}): a provider assesses
 * the person's needs, agrees a support plan with them and records sessions until the support ends as planned or is
 * handed over; a review falls due at the jurisdiction's review interval.
 * <p>
 * In: {@code caseId}, {@code caseReference}, {@code jurisdiction}, {@link Variables#PROVIDER}; business key = the case
 * reference. Out: {@link Variables#SUPPORT_OUTCOME} and, when handed over, {@link Variables#HAND_OVER_TO}. No messages,
 * no errors. Session content never becomes a variable: the forms take references to the provider's file only.
 */
public final class PsychoSocialSupportProcess {

	public static final String KEY = "PsychoSocialSupport";

	/** The clock of the periodic review (a timer cycle: calendar units only). */
	public static final String CLOCK_REVIEW_INTERVAL = "psychosocial-review-interval";

	public static final String START_EVENT_SUPPORT_REQUESTED = "StartEvent_SupportRequested";

	public static final String TASK_ASSESS_PSYCHO_SOCIAL_NEEDS = "Task_AssessPsychoSocialNeeds";

	public static final String TASK_AGREE_SUPPORT_PLAN = "Task_AgreeSupportPlan";

	public static final String GATEWAY_SESSION_DUE = "Gateway_SessionDue";

	public static final String TASK_RECORD_SUPPORT_SESSION = "Task_RecordSupportSession";

	public static final String GATEWAY_WHAT_COMES_NEXT = "Gateway_WhatComesNext";

	public static final String END_EVENT_SUPPORT_ENDED_AS_PLANNED = "EndEvent_SupportEndedAsPlanned";

	public static final String TASK_HAND_OVER_SUPPORT = "Task_HandOverSupport";

	public static final String END_EVENT_SUPPORT_HANDED_OVER = "EndEvent_SupportHandedOver";

	public static final String SUB_PROCESS_SUPPORT_REVIEW = "SubProcess_SupportReview";

	public static final String START_EVENT_SUPPORT_REVIEW_DUE = "StartEvent_SupportReviewDue";

	public static final String TASK_REVIEW_SUPPORT_PROGRESS = "Task_ReviewSupportProgress";

	public static final String END_EVENT_SUPPORT_REVIEWED = "EndEvent_SupportReviewed";

	/** Variables the caller passes in and gets back, and those the support routes on. */
	public static final class Variables {

		/** In: the group of the agency that provides the support (it works every task). */
		public static final String PROVIDER = "provider";

		/** Out: a {@link SupportOutcome} name. */
		public static final String SUPPORT_OUTCOME = "supportOutcome";

		/** Out, when handed over: the agency group that continues the support. */
		public static final String HAND_OVER_TO = "handOverTo";

		/** What follows a session, a {@link RecordSupportSession.NextStep} name. */
		public static final String NEXT_STEP = "nextStep";

		private Variables() {
		}
	}

	/** How the support ended. */
	public enum SupportOutcome {
		EndedAsPlanned, HandedOver
	}

	private PsychoSocialSupportProcess() {
	}
}
