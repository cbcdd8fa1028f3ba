package org.opennrm.cases;

/**
 * Where the person stands in the NRM: rights depend on it, and assistance starts at {@link #Presumed}, not at formal
 * identification.
 */
public enum PersonStatus {

	/** Screened, no reasonable indication yet. */
	AtRisk,
	/** Indicators or reasonable grounds: a presumed (potential) victim. */
	Presumed,
	/** Formally identified as a victim of trafficking. */
	Identified,
	/** A formal decision found no trafficking, and no reconsideration is pending. */
	NotIdentified,
	/** The person withdrew from the NRM. */
	Withdrawn,
	/** Contact with the person was lost. */
	LostContact
}
