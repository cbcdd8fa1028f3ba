package org.opennrm.transnational;

/** Why a receiving coordinator declines an incoming referral: a code, never free text about the person. */
public enum DeclineReason {
	/** The person is not a citizen or resident of the receiving country, and no other ground applies. */
	NotEligible,
	/** What was sent does not allow the receiving mechanism to take the person on. */
	InsufficientInformation,
	/** The receiving country assesses the return or transfer as unsafe for the person now. */
	UnsafeToReturn,
	/** No service or placement is available for the person in the receiving country. */
	NoCapacity,
	/** The person is already known to the receiving mechanism under another referral. */
	AlreadyReferred,
	Other
}
