package org.opennrm.handoff;

/**
 * The {@code ServiceHandoff} model ({@code processes/handoff/ServiceHandoff.bpmn}): one service for one case, from the
 * offer to its outcome, called once per service by case processes.
 * <p>
 * In: {@code caseId}, {@code caseReference}, {@code jurisdiction}, {@link Variables#SERVICE}, {@link
 * Variables#REFERRING_AGENCY} and optionally {@link Variables#RECEIVING_AGENCY} (a preset provider); business key = the
 * case reference. Out: {@link Variables#HANDOFF_OUTCOME} and, for psycho-social support, {@link
 * Variables#SUPPORT_OUTCOME} and {@link Variables#HAND_OVER_TO}. No messages, no errors.
 */
public final class ServiceHandoffProcess {

	public static final String KEY = "ServiceHandoff";

	/** The routing table ({@code processes/handoff/HandoffRouting.dmn}): service and attempt to receiving agency. */
	public static final String DECISION_HANDOFF_ROUTING = "HandoffRouting";

	/** The clock within which a receiving agency answers. */
	public static final String CLOCK_HANDOFF_RESPONSE = "handoff-response";

	public static final String START_EVENT_HANDOFF_REQUESTED = "StartEvent_HandoffRequested";

	public static final String GATEWAY_PROVIDER_PRESET = "Gateway_ProviderPreset";

	public static final String TASK_CHOOSE_PROVIDER = "Task_ChooseProvider";

	public static final String GATEWAY_PROVIDER_CHOSEN = "Gateway_ProviderChosen";

	public static final String GATEWAY_PROVIDER_AVAILABLE = "Gateway_ProviderAvailable";

	public static final String GATEWAY_READY_TO_OFFER = "Gateway_ReadyToOffer";

	public static final String TASK_OFFER_SERVICE = "Task_OfferService";

	public static final String TASK_RESPOND_TO_REFERRAL = "Task_RespondToReferral";

	public static final String BOUNDARY_EVENT_RESPONSE_REMINDER = "BoundaryEvent_RespondToReferralReminder";

	public static final String TASK_REMIND_RESPONSE_OWNER = "Task_RemindRespondToReferralOwner";

	public static final String END_EVENT_RESPONSE_OWNER_REMINDED = "EndEvent_RespondToReferralOwnerReminded";

	public static final String BOUNDARY_EVENT_RESPONSE_OVERDUE = "BoundaryEvent_RespondToReferralOverdue";

	public static final String CALL_ACTIVITY_ESCALATE_RESPONSE = "CallActivity_EscalateRespondToReferral";

	public static final String END_EVENT_RESPONSE_ESCALATED = "EndEvent_RespondToReferralEscalated";

	public static final String GATEWAY_REFERRAL_ACCEPTED = "Gateway_ReferralAccepted";

	public static final String TASK_RECORD_ACCEPTANCE = "Task_RecordAcceptance";

	public static final String GATEWAY_PSYCHO_SOCIAL_SUPPORT = "Gateway_PsychoSocialSupport";

	public static final String CALL_ACTIVITY_PSYCHO_SOCIAL_SUPPORT = "CallActivity_PsychoSocialSupport";

	public static final String TASK_RECORD_SERVICE_DELIVERY = "Task_RecordServiceDelivery";

	public static final String GATEWAY_OUTCOME_KNOWN = "Gateway_OutcomeKnown";

	public static final String TASK_RECORD_OUTCOME = "Task_RecordOutcome";

	public static final String GATEWAY_SERVICE_DELIVERED = "Gateway_ServiceDelivered";

	public static final String END_EVENT_SERVICE_DELIVERED = "EndEvent_ServiceDelivered";

	public static final String END_EVENT_SERVICE_NOT_DELIVERED = "EndEvent_ServiceNotDelivered";

	public static final String TASK_RECORD_DECLINE = "Task_RecordDecline";

	public static final String TASK_CHOOSE_NEXT_PROVIDER = "Task_ChooseNextProvider";

	public static final String GATEWAY_DECLINED_BEFORE = "Gateway_DeclinedBefore";

	public static final String TASK_CHOOSE_ANOTHER_PROVIDER = "Task_ChooseAnotherProvider";

	public static final String GATEWAY_ANOTHER_PROVIDER_CHOSEN = "Gateway_AnotherProviderChosen";

	public static final String TASK_RECORD_WITHDRAWAL = "Task_RecordWithdrawal";

	public static final String END_EVENT_HANDOFF_WITHDRAWN = "EndEvent_HandoffWithdrawn";

	/** Variables the caller passes in and gets back, and those the hand-off routes on. */
	public static final class Variables {

		/** In: the service offered, a {@link ServiceType} name. */
		public static final String SERVICE = "service";

		/**
		 * In (optional): the group of a preset provider. Then the group of the agency the service is currently offered
		 * to, as the routing table or the referring agency chose it.
		 */
		public static final String RECEIVING_AGENCY = "receivingAgency";

		/** In: the group of the agency that hands over and chooses again when no provider takes it on. */
		public static final String REFERRING_AGENCY = "referringAgency";

		/** Out: a {@link HandoffOutcome} name. */
		public static final String HANDOFF_OUTCOME = "handoffOutcome";

		/** Out, psycho-social support only: how the support ended ({@code EndedAsPlanned}, {@code HandedOver}). */
		public static final String SUPPORT_OUTCOME = "supportOutcome";

		/** Out, psycho-social support handed over only: the agency group that continues it. */
		public static final String HAND_OVER_TO = "handOverTo";

		/**
		 * How many positions of the routing list have been asked (the routing table's second input, from 1); 0 while
		 * only a preset provider was asked, so that after its decline the list is asked from its start.
		 */
		public static final String ATTEMPT = "attempt";

		/** The agencies that declined this hand-off, as {@code ,ngo,social,}: the next choice skips them. */
		public static final String DECLINED_AGENCIES = "declinedAgencies";

		/** How the service ended, a {@link RecordServiceDelivery.ServiceOutcome} name. */
		public static final String SERVICE_OUTCOME = "serviceOutcome";

		public static final String REFERRAL_ACCEPTED = "referralAccepted";

		public static final String DECLINE_REASON = "declineReason";

		public static final String WITHDRAW_HANDOFF = "withdrawHandoff";

		private Variables() {
		}
	}

	/** The services a case can be handed over for. */
	public enum ServiceType {
		Shelter, MedicalCare, PsychoSocialSupport, LegalAid, Interpretation, EducationOrEmployment, FamilyContact
	}

	/** What the caller gets back. */
	public enum HandoffOutcome {
		Delivered, NotDelivered, PersonDeclined, Withdrawn
	}

	private ServiceHandoffProcess() {
	}
}
