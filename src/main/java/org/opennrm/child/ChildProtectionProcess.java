package org.opennrm.child;

/**
 * The {@code ChildProtection} model ({@code processes/child/ChildProtection.bpmn}): appoint a guardian by the clock
 * {@value #CLOCK}, then in parallel record the guardian's consent, determine the child's best interests and, when
 * the age is uncertain, assess it.
 * <p>
 * Called with the case reference as business key and {@code caseId}, {@code caseReference}, {@code jurisdiction} and
 * {@link Variables#AGE_UNCERTAIN}. It ends normally at {@value #END_EVENT_CHILD_PROTECTION_IN_PLACE}, or with the BPMN
 * error {@value #ERROR_ASSESSED_AS_ADULT} when an age assessment finds an adult (the registry already says so: catch
 * it on the call activity and continue on the adult track). When the best interests are recorded it sets
 * {@link Variables#BEST_INTERESTS_DETERMINED} = {@code true} on the calling process, so a conditional event there
 * can open placement and family contact. It returns no variables.
 */
public final class ChildProtectionProcess {

	public static final String KEY = "ChildProtection";

	/** The jurisdiction clock the guardian is appointed by (24 to 72 hours). */
	public static final String CLOCK = "guardian-appointment";

	/** The error code of the end event reached when an age assessment finds an adult. */
	public static final String ERROR_ASSESSED_AS_ADULT = "AssessedAsAdult";

	public static final String START_EVENT_CHILD_PROTECTION_REQUESTED = "StartEvent_ChildProtectionRequested";

	public static final String TASK_APPOINT_GUARDIAN = "Task_AppointGuardian";

	public static final String TASK_RECORD_GUARDIAN = "Task_RecordGuardian";

	public static final String GATEWAY_PROTECT_IN_PARALLEL = "Gateway_ProtectInParallel";

	public static final String TASK_RECORD_GUARDIAN_CONSENT = "Task_RecordGuardianConsent";

	public static final String TASK_RECORD_CONSENT_DECISIONS = "Task_RecordConsentDecisions";

	public static final String TASK_DETERMINE_BEST_INTERESTS = "Task_DetermineBestInterests";

	public static final String TASK_RECORD_BEST_INTERESTS = "Task_RecordBestInterests";

	public static final String GATEWAY_AGE_UNCERTAIN = "Gateway_AgeUncertain";

	public static final String TASK_ASSESS_AGE = "Task_AssessAge";

	public static final String GATEWAY_ASSESSED_AS_ADULT = "Gateway_AssessedAsAdult";

	public static final String TASK_RECORD_ADULT_ASSESSMENT = "Task_RecordAdultAssessment";

	public static final String END_EVENT_ASSESSED_AS_ADULT = "EndEvent_AssessedAsAdult";

	public static final String GATEWAY_AGE_SETTLED = "Gateway_AgeSettled";

	public static final String GATEWAY_PROTECTION_IN_PLACE = "Gateway_ProtectionInPlace";

	public static final String END_EVENT_CHILD_PROTECTION_IN_PLACE = "EndEvent_ChildProtectionInPlace";

	public static final String BOUNDARY_EVENT_GUARDIAN_REMINDER = "BoundaryEvent_AppointGuardianReminder";

	public static final String TASK_REMIND_GUARDIAN_APPOINTMENT_OWNER = "Task_RemindAppointGuardianOwner";

	public static final String END_EVENT_GUARDIAN_APPOINTMENT_OWNER_REMINDED = "EndEvent_AppointGuardianOwnerReminded";

	public static final String BOUNDARY_EVENT_GUARDIAN_OVERDUE = "BoundaryEvent_AppointGuardianOverdue";

	public static final String CALL_ACTIVITY_ESCALATE_GUARDIAN_APPOINTMENT = "CallActivity_EscalateAppointGuardian";

	public static final String END_EVENT_GUARDIAN_APPOINTMENT_ESCALATED = "EndEvent_AppointGuardianEscalated";

	/** Variable names. */
	public static final class Variables {

		/** In: whether the person's age is uncertain (then it is assessed; until then, a child). */
		public static final String AGE_UNCERTAIN = "ageUncertain";

		/** Set on the calling process when the child's best interests are recorded. */
		public static final String BEST_INTERESTS_DETERMINED = "bestInterestsDetermined";

		/** The appointed guardian's user id; the guardian records consent. */
		public static final String GUARDIAN_USER_ID = "guardianUserId";

		public static final String CONSENT_TO_SERVICES = "consentToServices";

		/** Group ids of the agencies the guardian agrees the case may be shared with. */
		public static final String CONSENT_TO_SHARE_WITH_AGENCIES = "consentToShareWithAgencies";

		public static final String CHILD_VIEWS_HEARD = "childViewsHeard";

		/** Who recorded the guardian's consent (the consent task's assignee). */
		public static final String CONSENT_RECORDED_BY = "consentRecordedBy";

		public static final String AGE_ASSESSMENT = "ageAssessment";

		public static final String ASSESSMENT_METHOD = "assessmentMethod";

		public static final String PLACEMENT_IN_BEST_INTERESTS = "placementInBestInterests";

		public static final String FAMILY_CONTACT_IN_BEST_INTERESTS = "familyContactInBestInterests";

		public static final String RETURN_IN_BEST_INTERESTS = "returnInBestInterests";

		private Variables() {
		}
	}

	private ChildProtectionProcess() {
	}
}
