package org.opennrm.cases;

/** The outcome of a joint risk assessment by police and the case manager. */
public enum RiskLevel {

	Low, Medium, High;

	/** The higher of two ratings: a joint assessment is as high as its most worried assessor. */
	public RiskLevel max(RiskLevel other) {
		return other == null || compareTo(other) >= 0 ? this : other;
	}
}
