package org.opennrm.transnational;

/** Why the national coordinator does not approve a proposed referral. */
public enum RejectionReason {
	/** More of the case is needed before the referral can go (a risk assessment, a best-interests determination). */
	NotReady,
	/** The fields chosen are more than the receiving country needs. */
	TooMuchData,
	/** Another route serves the person better. */
	OtherRoute,
	Other
}
