package org.opennrm.consent;

/** What a consent is for. */
public enum ConsentPurpose {

	/** Referral into the NRM and to case management. */
	Referral,
	/** Receiving assistance and services. */
	Services,
	/** Sharing case information with one agency (the recipient). */
	SharingWithAgency,
	/** Cooperating with police (statements, interviews). Never a condition for assistance. */
	PoliceCooperation;

	/** Whether consent for this purpose names a recipient agency. */
	public boolean hasRecipient() {
		return this == SharingWithAgency;
	}
}
