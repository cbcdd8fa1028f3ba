package org.opennrm.transnational;

/**
 * The {@code IncomingTransnationalReferral} model ({@code processes/transnational/IncomingTransnationalReferral.bpmn}):
 * a referral that arrived from another country's instance, on the receiving side, until this country's national
 * coordinator answers within the jurisdiction's response clock. Started by the service when a verified referral
 * arrives; business key = the referral's id (the same on both instances). What arrived stays sealed outside the engine.
 */
public final class IncomingTransnationalReferralProcess {

	public static final String KEY = "IncomingTransnationalReferral";

	/** This jurisdiction's clock for answering an incoming referral. */
	public static final String CLOCK_RESPONSE = "transnational-response";

	public static final String START_EVENT_REFERRAL_RECEIVED = "StartEvent_ReferralReceived";

	public static final String TASK_DECIDE_ON_INCOMING_REFERRAL = "Task_DecideOnIncomingReferral";

	public static final String BOUNDARY_EVENT_DECISION_REMINDER = "BoundaryEvent_DecideOnIncomingReferralReminder";

	public static final String TASK_REMIND_DECISION_OWNER = "Task_RemindDecideOnIncomingReferralOwner";

	public static final String END_EVENT_DECISION_OWNER_REMINDED = "EndEvent_DecideOnIncomingReferralOwnerReminded";

	public static final String BOUNDARY_EVENT_DECISION_OVERDUE = "BoundaryEvent_DecideOnIncomingReferralOverdue";

	public static final String CALL_ACTIVITY_ESCALATE_DECISION = "CallActivity_EscalateDecideOnIncomingReferral";

	public static final String END_EVENT_DECISION_ESCALATED = "EndEvent_DecideOnIncomingReferralEscalated";

	public static final String BOUNDARY_EVENT_REFERRAL_WITHDRAWN = "BoundaryEvent_IncomingReferralWithdrawn";

	public static final String END_EVENT_REFERRAL_WITHDRAWN = "EndEvent_IncomingReferralWithdrawn";

	public static final String GATEWAY_REFERRAL_ACCEPTED = "Gateway_IncomingReferralAccepted";

	public static final String TASK_OPEN_REFERRED_CASE = "Task_OpenReferredCase";

	public static final String END_EVENT_CASE_OPENED = "EndEvent_ReferredCaseOpened";

	public static final String END_EVENT_REFERRAL_DECLINED = "EndEvent_IncomingReferralDeclined";

	/** The sending instance withdrew the referral before it was answered (correlated on the business key). */
	public static final String MESSAGE_REFERRAL_WITHDRAWN = "IncomingTransnationalReferralWithdrawn";

	/** Variables: references and routing flags, never what arrived. */
	public static final class Variables {

		/** This instance's id of the incoming referral. */
		public static final String INCOMING_ID = "incomingReferralId";

		/** The referral's id on both instances (also the business key). */
		public static final String REFERRAL_ID = TransnationalReferralProcess.Variables.REFERRAL_ID;

		/** The sending country's ISO 3166 code. */
		public static final String PEER_COUNTRY = TransnationalReferralProcess.Variables.PEER_COUNTRY;

		public static final String REFERRAL_KIND = TransnationalReferralProcess.Variables.REFERRAL_KIND;

		public static final String SHARED_FIELDS = TransnationalReferralProcess.Variables.SHARED_FIELDS;

		public static final String REFERRAL_ACCEPTED = TransnationalReferralProcess.Variables.REFERRAL_ACCEPTED;

		public static final String LEAD_AGENCY = "leadAgency";

		public static final String DECLINE_REASON = TransnationalReferralProcess.Variables.DECLINE_REASON;

		private Variables() {
		}
	}

	private IncomingTransnationalReferralProcess() {
	}
}
