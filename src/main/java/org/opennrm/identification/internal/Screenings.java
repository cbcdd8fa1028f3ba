package org.opennrm.identification.internal;

/** The screening record: what each screening found. */
interface Screenings {

	/** Keeps a screening, in the current transaction. */
	void record(Screening screening);
}
