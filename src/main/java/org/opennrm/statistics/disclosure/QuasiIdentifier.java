package org.opennrm.statistics.disclosure;

/**
 * The characteristics of a person in a record-level export that, combined, could single the person out to
 * somebody who knows them (a neighbour, an employer, a trafficker): they are generalised or withheld by
 * {@link KAnonymity}. The names follow the fields of the CTDC global synthetic data set.
 */
public enum QuasiIdentifier {

	SEX("gender"),

	AGE_BAND("ageBroad"),

	CITIZENSHIP("citizenship"),

	EXPLOITATION_TYPE("typeOfExploitation"),

	YEAR("yearOfRegistration");

	private final String field;

	QuasiIdentifier(String field) {
		this.field = field;
	}

	/** The column name in an export. */
	public String field() {
		return this.field;
	}
}
