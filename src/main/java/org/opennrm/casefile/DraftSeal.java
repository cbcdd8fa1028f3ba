package org.opennrm.casefile;

/**
 * Encryption for work in progress that will become part of a case file (answers of a screening not yet submitted):
 * sealed with the case file's key, bound to its case and kind, so a sealed value copied to another case does not open.
 */
public interface DraftSeal {

	byte[] seal(String caseId, String kind, byte[] plaintext);

	/** @throws IllegalStateException when the value was not sealed for this case and kind */
	byte[] open(String caseId, String kind, byte[] sealed);
}
