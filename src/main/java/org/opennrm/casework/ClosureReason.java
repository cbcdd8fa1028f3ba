package org.opennrm.casework;

/** HTCDS {@code ReasonForCaseClosure}, as codes (the standard leaves it free text; we keep text out of the engine). */
public enum ClosureReason {
	ServicesCompleted, ReferredElsewhere, PersonDeclinedServices, LostContact, Relocated, NotIdentified,
	NotPresumedVictim, Other;

	/** What a case manager may choose; "not presumed a victim" is recorded by the pathway when a screening says so. */
	public boolean isChosenByCaseManager() {
		return this != NotPresumedVictim;
	}
}
