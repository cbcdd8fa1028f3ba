package org.opennrm.transnational;

/**
 * The {@code TransnationalReferral} model ({@code processes/transnational/TransnationalReferral.bpmn}): one referral of
 * a case to another country's instance, on the sending side, from the proposal to the receiving coordinator's answer.
 * Started by the service once a caseworker's proposal passed its checks (no start form); business key = the case
 * reference. The referral registry ({@code nrm_transnational_referral}) holds where it stands; the package never
 * enters the engine.
 */
public final class TransnationalReferralProcess {

	public static final String KEY = "TransnationalReferral";

	/** The sending jurisdiction's clock within which an approved referral must have been delivered. */
	public static final String CLOCK_DELIVERY = "transnational-delivery";

	public static final String START_EVENT_REFERRAL_PROPOSED = "StartEvent_ReferralProposed";

	public static final String GATEWAY_CHILDS_REFERRAL = "Gateway_ChildsReferral";

	public static final String TASK_RECORD_CONSENT = "Task_RecordConsent";

	public static final String TASK_RECORD_GUARDIAN_CONSENT = "Task_RecordGuardianConsent";

	public static final String GATEWAY_CONSENT_GIVEN = "Gateway_ConsentGiven";

	public static final String END_EVENT_REFERRAL_NOT_CONSENTED = "EndEvent_ReferralNotConsented";

	public static final String TASK_APPROVE_REFERRAL = "Task_ApproveReferral";

	public static final String GATEWAY_REFERRAL_APPROVED = "Gateway_ReferralApproved";

	public static final String END_EVENT_REFERRAL_NOT_APPROVED = "EndEvent_ReferralNotApproved";

	public static final String TASK_AWAIT_DELIVERY = "Task_AwaitDelivery";

	public static final String BOUNDARY_EVENT_DELIVERY_OVERDUE = "BoundaryEvent_DeliveryOverdue";

	public static final String CALL_ACTIVITY_ESCALATE_UNDELIVERED_REFERRAL = "CallActivity_EscalateUndeliveredReferral";

	public static final String END_EVENT_DELIVERY_ESCALATION_CLOSED = "EndEvent_DeliveryEscalationClosed";

	public static final String EVENT_DECISION_RECEIVED = "Event_DecisionReceived";

	public static final String GATEWAY_REFERRAL_ACCEPTED = "Gateway_ReferralAccepted";

	public static final String END_EVENT_REFERRAL_DECLINED = "EndEvent_ReferralDeclined";

	public static final String GATEWAY_SENDING_CASE_CLOSES = "Gateway_SendingCaseCloses";

	public static final String TASK_CLOSE_SENDING_CASE = "Task_CloseSendingCase";

	public static final String END_EVENT_REFERRAL_ACCEPTED_CASE_CLOSED = "EndEvent_ReferralAcceptedCaseClosed";

	public static final String END_EVENT_REFERRAL_ACCEPTED = "EndEvent_ReferralAccepted";

	public static final String SUB_PROCESS_REFERRAL_WITHDRAWN = "SubProcess_ReferralWithdrawn";

	public static final String START_EVENT_REFERRAL_WITHDRAWN = "StartEvent_ReferralWithdrawn";

	public static final String END_EVENT_REFERRAL_WITHDRAWN = "EndEvent_ReferralWithdrawn";

	/** The receiving instance confirmed the package with a signed receipt (correlated on {@code referralId}). */
	public static final String MESSAGE_PACKAGE_DELIVERED = "TransnationalPackageDelivered";

	/** The receiving coordinator's signed answer arrived (correlated on {@code referralId}). */
	public static final String MESSAGE_DECISION_RECEIVED = "TransnationalDecisionReceived";

	/** Consent was withdrawn before acceptance: the referral ends here and is withdrawn there. */
	public static final String MESSAGE_REFERRAL_WITHDRAWN = "TransnationalReferralWithdrawn";

	/** Variables: references and routing flags, never what travels. */
	public static final class Variables {

		/** The referral's id, the same on both instances. */
		public static final String REFERRAL_ID = "referralId";

		/** The receiving country's ISO 3166 code. */
		public static final String PEER_COUNTRY = "peerCountry";

		/** A {@link ReferralKind} name. */
		public static final String REFERRAL_KIND = "referralKind";

		/** Whether the accepting country's acceptance closes the case here (a return or transfer, no services left). */
		public static final String CLOSES_SENDING_CASE = "closesSendingCase";

		public static final String IS_CHILD = "isChild";

		/** The child's guardian (user id), who consents on the child's behalf. */
		public static final String GUARDIAN = "guardian";

		/** The agency (group) of the caseworker who proposed it: it records the adult's consent. */
		public static final String PROPOSING_AGENCY = "proposingAgency";

		/** Who proposed it: the coordinator who approves must be someone else. */
		public static final String PROPOSED_BY = "proposedBy";

		/** The names of the fields that travel, by section, for the forms (names only, never values). */
		public static final String SHARED_FIELDS = "sharedFields";

		public static final String CONSENT_GIVEN = "consentGiven";

		public static final String REFERRAL_APPROVED = "referralApproved";

		public static final String REJECTION_REASON = "rejectionReason";

		/** Set by the receiving coordinator's answer. */
		public static final String REFERRAL_ACCEPTED = "referralAccepted";

		/** Set by a declining answer: a {@link DeclineReason} name. */
		public static final String DECLINE_REASON = "declineReason";

		/** For the delivery deadline's escalation: what is overdue. */
		public static final String OVERDUE_DELIVERY = "overdueDelivery";

		private Variables() {
		}
	}

	private TransnationalReferralProcess() {
	}
}
