package org.opennrm.returns;

/** Why a voluntary return is requested. */
public enum ReturnReason {
	/** The person asks to go home. */
	PersonRequested,
	/** To join family in the country of origin (for a child, only in the child's best interests). */
	FamilyReunification,
	/** Assistance here is complete and the person chooses to return. */
	AssistanceCompleted,
	Other
}
