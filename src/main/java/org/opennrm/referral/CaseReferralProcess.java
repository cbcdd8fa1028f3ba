package org.opennrm.referral;

/**
 * The {@code CaseReferral} model ({@code processes/referral/CaseReferral.bpmn}): its key, the ids of its elements and
 * the names of its variables. No other code spells them.
 */
public final class CaseReferralProcess {

	public static final String KEY = "CaseReferral";

	public static final String START_CASE_OPENED = "StartEvent_CaseOpened";

	public static final String TASK_SCREEN_INDICATORS = "Task_ScreenIndicators";

	public static final String GATEWAY_PRESUMED_VICTIM = "Gateway_PresumedVictim";

	public static final String TASK_REFER_TO_CASE_MANAGEMENT = "Task_ReferToCaseManagement";

	public static final String TASK_ASSESS_IMMEDIATE_NEEDS = "Task_AssessImmediateNeeds";

	public static final String GATEWAY_SERVICES_NEEDED = "Gateway_ServicesNeeded";

	public static final String CALL_ACTIVITY_SHELTER_HANDOFF = "CallActivity_ShelterHandoff";

	public static final String CALL_ACTIVITY_MEDICAL_HANDOFF = "CallActivity_MedicalHandoff";

	public static final String GATEWAY_SERVICES_HANDED_OVER = "Gateway_ServicesHandedOver";

	public static final String TASK_REVIEW_CASE = "Task_ReviewCase";

	public static final String TASK_CLOSE_CASE = "Task_CloseCase";

	public static final String END_EVENT_CASE_CLOSED = "EndEvent_CaseClosed";

	public static final String TASK_CLOSE_CASE_NOT_PRESUMED = "Task_CloseCaseNotPresumed";

	public static final String END_EVENT_CASE_CLOSED_NOT_PRESUMED = "EndEvent_CaseClosedNotPresumed";

	/** Variable names (the start form's and tasks' fields are the components of their records). */
	public static final class Variables {

		/** Set by the engine from the authenticated user who started the process. */
		public static final String OPENED_BY = "openedBy";

		public static final String REFERRING_AGENCY = "referringAgency";

		public static final String PRESUMED_VICTIM = "presumedVictim";

		public static final String CASE_STATUS = "caseStatus";

		public static final String REASON_FOR_CASE_CLOSURE = "reasonForCaseClosure";

		public static final String SHELTER_HANDOFF_OUTCOME = "shelterHandoffOutcome";

		public static final String MEDICAL_HANDOFF_OUTCOME = "medicalHandoffOutcome";

		private Variables() {
		}
	}

	/** The agency that takes over case management after a positive screen. */
	public static final String CASE_MANAGEMENT_AGENCY = "social";

	private CaseReferralProcess() {
	}
}
