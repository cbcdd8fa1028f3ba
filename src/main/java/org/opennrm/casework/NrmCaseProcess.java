package org.opennrm.casework;

/**
 * The {@code NrmCase} model ({@code processes/case/NrmCase.bpmn}): its key, the ids of its elements and the names of
 * its variables. No other code spells them.
 */
public final class NrmCaseProcess {

	public static final String KEY = "NrmCase";

	public static final String START_EVENT_CASE_OPENED = "StartEvent_CaseOpened";

	public static final String CALL_ACTIVITY_IDENTIFY_VICTIM = "CallActivity_IdentifyVictim";

	public static final String GATEWAY_PRESUMED_VICTIM = "Gateway_PresumedVictim";

	public static final String TASK_CLOSE_CASE_NOT_PRESUMED = "Task_CloseCaseNotPresumed";

	public static final String END_EVENT_CASE_CLOSED_NOT_PRESUMED = "EndEvent_CaseClosedNotPresumed";

	public static final String GATEWAY_CONSENT_NEEDED = "Gateway_ConsentNeeded";

	public static final String TASK_RECORD_CONSENT = "Task_RecordConsent";

	public static final String GATEWAY_CONSENT_TO_REFERRAL = "Gateway_ConsentToReferral";

	public static final String TASK_NOTIFY_ANONYMOUSLY = "Task_NotifyAnonymously";

	public static final String TASK_CLOSE_CASE_REFERRAL_DECLINED = "Task_CloseCaseReferralDeclined";

	public static final String END_EVENT_CASE_CLOSED_REFERRAL_DECLINED = "EndEvent_CaseClosedReferralDeclined";

	public static final String TASK_REFER_TO_CASE_MANAGEMENT = "Task_ReferToCaseManagement";

	public static final String GATEWAY_REASONABLE_GROUNDS = "Gateway_ReasonableGrounds";

	public static final String CALL_ACTIVITY_RECOVERY_PERIOD = "CallActivity_RecoveryPeriod";

	public static final String CALL_ACTIVITY_FORMAL_IDENTIFICATION = "CallActivity_FormalIdentification";

	public static final String GATEWAY_CHILD_PROTECTION_NEEDED = "Gateway_ChildProtectionNeeded";

	public static final String CALL_ACTIVITY_PROTECT_CHILD = "CallActivity_ProtectChild";

	public static final String BOUNDARY_EVENT_ASSESSED_AS_ADULT = "BoundaryEvent_AssessedAsAdult";

	public static final String TASK_SWITCH_TO_ADULT_TRACK = "Task_SwitchToAdultTrack";

	public static final String TASK_RECORD_ADULT_CONSENT = "Task_RecordAdultConsent";

	public static final String SUB_PROCESS_ASSIST_PERSON = "SubProcess_AssistPerson";

	public static final String CALL_ACTIVITY_ASSESS_RISK_BEFORE_PLACEMENT = "CallActivity_AssessRiskBeforePlacement";

	public static final String CALL_ACTIVITY_PLAN_ASSISTANCE = "CallActivity_PlanAssistance";

	public static final String EVENT_PLACEMENT_ALLOWED = "Event_PlacementAllowed";

	public static final String CALL_ACTIVITY_HAND_OVER_SHELTER = "CallActivity_HandOverShelter";

	public static final String CALL_ACTIVITY_HAND_OVER_SERVICES = "CallActivity_HandOverServices";

	public static final String EVENT_FAMILY_CONTACT_ALLOWED = "Event_FamilyContactAllowed";

	public static final String CALL_ACTIVITY_HAND_OVER_FAMILY_CONTACT = "CallActivity_HandOverFamilyContact";

	public static final String END_EVENT_ASSISTANCE_DELIVERED = "EndEvent_AssistanceDelivered";

	public static final String START_EVENT_RISK_REASSESSMENT_DUE = "StartEvent_RiskReassessmentDue";

	public static final String CALL_ACTIVITY_REASSESS_RISK = "CallActivity_ReassessRisk";

	public static final String GATEWAY_COOPERATES_WITH_POLICE = "Gateway_CooperatesWithPolice";

	public static final String SUB_PROCESS_COOPERATE_WITH_POLICE = "SubProcess_CooperateWithPolice";

	public static final String TASK_TAKE_STATEMENT = "Task_TakeStatement";

	public static final String TASK_ASSESS_WITNESS_PROTECTION = "Task_AssessWitnessProtection";

	public static final String BOUNDARY_EVENT_COOPERATION_WITHDRAWN = "BoundaryEvent_CooperationWithdrawn";

	public static final String END_EVENT_COOPERATION_STOPPED = "EndEvent_CooperationStopped";

	public static final String TASK_REVIEW_CASE_FOR_CLOSURE = "Task_ReviewCaseForClosure";

	public static final String TASK_START_FOLLOW_UP = "Task_StartFollowUp";

	public static final String EVENT_FOLLOW_UP_PERIOD_ENDS = "Event_FollowUpPeriodEnds";

	public static final String TASK_CLOSE_AFTER_FOLLOW_UP = "Task_CloseAfterFollowUp";

	public static final String TASK_CLOSE_CASE = "Task_CloseCase";

	public static final String END_EVENT_CASE_CLOSED = "EndEvent_CaseClosed";

	public static final String START_EVENT_CONSENT_WITHDRAWN = "StartEvent_ConsentWithdrawn";

	public static final String TASK_STOP_WHAT_THE_WITHDRAWAL_COVERS = "Task_StopWhatTheWithdrawalCovers";

	public static final String SUB_PROCESS_REFERRED_ABROAD = "SubProcess_ReferredAbroad";

	public static final String START_EVENT_CASE_REFERRED_ABROAD = "StartEvent_CaseReferredAbroad";

	public static final String TASK_CLOSE_CASE_REFERRED = "Task_CloseCaseReferred";

	public static final String END_EVENT_CASE_CLOSED_REFERRED = "EndEvent_CaseClosedReferred";

	/**
	 * Another country's referral mechanism accepted a return or transfer of the person and no services continue here:
	 * the case closes as {@code ClosedReferred} (correlated on the case reference).
	 */
	public static final String MESSAGE_CASE_REFERRED_ABROAD = "CaseReferredAbroad";

	/** A withdrawal of consent arrived (correlated on the case reference). */
	public static final String MESSAGE_CONSENT_WITHDRAWN = "ConsentWithdrawn";

	/** Stops cooperation with police on this case. */
	public static final String MESSAGE_POLICE_COOPERATION_WITHDRAWN = "PoliceCooperationWithdrawn";

	/** A child's age assessment found an adult (thrown by the child protection process). */
	public static final String ERROR_ASSESSED_AS_ADULT = "AssessedAsAdult";

	/** Variable names. */
	public static final class Variables {

		/** Set by the engine from the authenticated user who started the case. */
		public static final String OPENED_BY = "openedBy";

		public static final String REFERRING_AGENCY = "referringAgency";

		public static final String COMPETENT_AUTHORITY = "competentAuthority";

		public static final String IS_CHILD = "isChild";

		public static final String AGE_UNCERTAIN = "ageUncertain";

		public static final String PRESUMED_VICTIM = "presumedVictim";

		public static final String REASONABLE_GROUNDS = "reasonableGrounds";

		public static final String PLANNED_SERVICES = "plannedServices";

		public static final String BEST_INTERESTS_DETERMINED = "bestInterestsDetermined";

		public static final String CONSENT_TO_POLICE_COOPERATION = "consentToPoliceCooperation";

		public static final String CONSENT_TO_SHARE_WITH = "consentToShareWith";

		public static final String CONSENT_TO_SERVICES = "consentToServices";

		public static final String CASE_STATUS = "caseStatus";

		public static final String REASON_FOR_CASE_CLOSURE = "reasonForCaseClosure";

		/** Set by a withdrawal message: what consent was withdrawn for, and from whom. */
		public static final String WITHDRAWN_PURPOSE = "withdrawnPurpose";

		public static final String WITHDRAWN_RECIPIENT = "withdrawnRecipient";

		private Variables() {
		}
	}

	/** The agency that takes over case management once a person is presumed a victim (child protection for a child). */
	public static final String CASE_MANAGEMENT_AGENCY = "social";

	private NrmCaseProcess() {
	}
}
