package org.opennrm.casework;

/** HTCDS {@code ReasonForCaseClosure}, as codes (the standard leaves it free text; we keep text out of the engine). */
public enum ClosureReason {
	ServicesCompleted, ReferredElsewhere, PersonDeclinedServices, LostContact, Relocated, NotIdentified,
	NotPresumedVictim, Other
}
