package org.opennrm.transnational;

/** What a transnational referral asks of the receiving country's referral mechanism. */
public enum ReferralKind {

	/** The person returns to the receiving country (usually their own) and is assisted there. */
	Return,
	/** Case management moves to the receiving country, where the person is or goes. */
	Transfer,
	/** The receiving country provides assistance (family tracing, a service) while the case continues here. */
	Assistance;

	/**
	 * Whether accepting it ends the case here: a return or a transfer does, unless services continue here (then the
	 * case stays open, as for assistance).
	 */
	public boolean closesSendingCase(boolean servicesContinue) {
		return this != Assistance && !servicesContinue;
	}
}
