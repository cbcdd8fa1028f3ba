package org.opennrm.returns;

/**
 * The {@code VoluntaryReturn} model ({@code processes/return/VoluntaryReturn.bpmn}). Started by our API with the case
 * reference as business key and {@code caseId}, {@code caseReference}, {@code jurisdiction}, {@link Variables#IS_CHILD},
 * {@link Variables#RETURN_REASON} and {@link Variables#REQUESTING_AGENCY}; a start listener checks them against the
 * registry and reads the protection from removal into {@link Variables#REMOVAL_BLOCKED}.
 * <p>
 * A protected person's return ends at {@value #END_EVENT_RETURN_BLOCKED} before any return step. If protection from
 * removal begins while a return is under way, the registry's change correlates {@value #MESSAGE_REMOVAL_PROTECTION_BEGAN}
 * on the business key and the return stops; the departure itself is refused while the registry says the person is
 * protected.
 */
public final class VoluntaryReturnProcess {

	public static final String KEY = "VoluntaryReturn";

	/** Stops a return under way: protection from removal began. Correlate on the case reference (business key). */
	public static final String MESSAGE_REMOVAL_PROTECTION_BEGAN = "RemovalProtectionBegan";

	public static final String START_EVENT_RETURN_REQUESTED = "StartEvent_ReturnRequested";

	public static final String GATEWAY_PROTECTED_FROM_REMOVAL = "Gateway_ProtectedFromRemoval";

	public static final String TASK_RECORD_BLOCKED_REMOVAL = "Task_RecordBlockedRemoval";

	public static final String END_EVENT_RETURN_BLOCKED = "EndEvent_ReturnBlocked";

	public static final String TASK_RECORD_RETURN_CONSENT = "Task_RecordReturnConsent";

	public static final String GATEWAY_RETURN_CONSENTED = "Gateway_ReturnConsented";

	public static final String END_EVENT_RETURN_NOT_CONSENTED = "EndEvent_ReturnNotConsented";

	public static final String CALL_ACTIVITY_PRE_RETURN_RISK_ASSESSMENT = "CallActivity_PreReturnRiskAssessment";

	public static final String GATEWAY_SAFE_TO_RETURN = "Gateway_SafeToReturn";

	public static final String END_EVENT_RETURN_NOT_SAFE = "EndEvent_ReturnNotSafe";

	public static final String TASK_ARRANGE_RECEIVING_PARTNER = "Task_ArrangeReceivingPartner";

	public static final String TASK_CONFIRM_DEPARTURE = "Task_ConfirmDeparture";

	public static final String GATEWAY_DEPARTED = "Gateway_Departed";

	public static final String END_EVENT_PERSON_RETURNED = "EndEvent_PersonReturned";

	public static final String END_EVENT_RETURN_CANCELLED = "EndEvent_ReturnCancelled";

	public static final String SUB_PROCESS_PROTECTION_BEGAN = "SubProcess_ProtectionBegan";

	public static final String START_EVENT_REMOVAL_PROTECTION_BEGAN = "StartEvent_RemovalProtectionBegan";

	public static final String TASK_RECORD_STOPPED_RETURN = "Task_RecordStoppedReturn";

	public static final String END_EVENT_RETURN_STOPPED = "EndEvent_ReturnStopped";

	/** Variable names. */
	public static final class Variables {

		/** Whether the person is (treated as) a child; refreshed from the registry before the safety decision. */
		public static final String IS_CHILD = "isChild";

		/** Why the return was requested, a {@link ReturnReason} name. */
		public static final String RETURN_REASON = "returnReason";

		/** The user who requested it (the process's initiator). */
		public static final String REQUESTED_BY = "requestedBy";

		/** The group of the agency that requested it: told when the return is blocked. */
		public static final String REQUESTING_AGENCY = "requestingAgency";

		/** Whether the registry's protection from removal blocks the return. */
		public static final String REMOVAL_BLOCKED = "removalBlocked";

		public static final String RETURN_CONSENTED = "returnConsented";

		public static final String CONSENT_GIVEN_BY = "consentGivenBy";

		/** The pre-return risk assessment's outcome. */
		public static final String RISK_LEVEL = "riskLevel";

		/** For a child: the registry's best-interests determination says a return serves the child. */
		public static final String RETURN_IN_BEST_INTERESTS = "returnInBestInterests";

		public static final String RECEIVING_PARTNER_CONFIRMED = "receivingPartnerConfirmed";

		/** ISO 3166 alpha-2 code of the country of return. */
		public static final String RECEIVING_COUNTRY = "receivingCountry";

		public static final String DEPARTED = "departed";

		private Variables() {
		}
	}

	private VoluntaryReturnProcess() {
	}
}
