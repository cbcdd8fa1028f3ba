package org.opennrm.handoff;

/** The {@code ServiceHandoff} model ({@code processes/handoff/ServiceHandoff.bpmn}). */
public final class ServiceHandoffProcess {

	public static final String KEY = "ServiceHandoff";

	public static final String START_EVENT_HANDOFF_REQUESTED = "StartEvent_HandoffRequested";

	public static final String TASK_RESPOND_TO_REFERRAL = "Task_RespondToReferral";

	public static final String GATEWAY_REFERRAL_ACCEPTED = "Gateway_ReferralAccepted";

	public static final String END_EVENT_HANDOFF_ACCEPTED = "EndEvent_HandoffAccepted";

	public static final String TASK_CHOOSE_ANOTHER_PROVIDER = "Task_ChooseAnotherProvider";

	public static final String GATEWAY_ANOTHER_PROVIDER_CHOSEN = "Gateway_AnotherProviderChosen";

	public static final String END_EVENT_HANDOFF_WITHDRAWN = "EndEvent_HandoffWithdrawn";

	/** Variables the caller passes in and gets back. */
	public static final class Variables {

		/** The service offered, a {@link ServiceType} name. */
		public static final String SERVICE = "service";

		/** The group of the agency the service is offered to. */
		public static final String RECEIVING_AGENCY = "receivingAgency";

		/** The group of the agency that hands over and chooses again after a decline. */
		public static final String REFERRING_AGENCY = "referringAgency";

		/** {@code Accepted} or {@code Withdrawn}, for the caller. */
		public static final String HANDOFF_OUTCOME = "handoffOutcome";

		private Variables() {
		}
	}

	/** The services a case can be handed over for. */
	public enum ServiceType {
		Shelter, MedicalCare, PsychoSocialSupport, LegalAid, Interpretation, EducationOrEmployment
	}

	private ServiceHandoffProcess() {
	}
}
