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
	PoliceCooperation,
	/**
	 * Referring the person to another country's referral mechanism (the recipient: its ISO 3166 two-letter code), with
	 * the data the person agreed to send there. For a child the guardian gives it.
	 */
	TransnationalReferral;

	/**
	 * Whether consent for this purpose names a recipient: an agency (group id) for sharing, a country code for a
	 * transnational referral.
	 */
	public boolean hasRecipient() {
		return this == SharingWithAgency || this == TransnationalReferral;
	}

	/** Whether the recipient this purpose names is well-formed: an agency's group id, or a country code. */
	public boolean isRecipient(String recipient) {
		return switch (this) {
			case SharingWithAgency -> recipient != null && org.opennrm.security.Role.ofGroup(recipient)
				.map(org.opennrm.security.Role::isAgency)
				.orElse(false);
			case TransnationalReferral -> recipient != null && recipient.matches("[A-Z]{2}");
			default -> recipient == null;
		};
	}
}
