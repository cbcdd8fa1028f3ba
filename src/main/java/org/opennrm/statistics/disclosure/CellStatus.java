package org.opennrm.statistics.disclosure;

/** Whether a cell of a {@link ProtectedTable} is shown, and if not, why not. */
public enum CellStatus {

	/** The count is shown. */
	RELEASED,

	/** The count is withheld because it is below the threshold (zero included). */
	PRIMARY,

	/**
	 * The count is withheld, although not small itself, so that a withheld cell cannot be worked out from the cells
	 * that are shown.
	 */
	SECONDARY;

	/** Whether the count is withheld. */
	public boolean isSuppressed() {
		return this != RELEASED;
	}
}
