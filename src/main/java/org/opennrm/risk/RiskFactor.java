package org.opennrm.risk;

import java.util.List;

/** What drives the risk to the person, as codes: what an assessor found in detail goes to the case file. */
public enum RiskFactor {

	TraffickersAtLarge, ThreatsReceived, FamilyInvolved, DebtOutstanding, HealthAtRisk, None;

	/** "None" is an answer of its own: it cannot come with factors. */
	static boolean noneAlone(List<RiskFactor> factors) {
		return factors == null || !factors.contains(None) || factors.size() == 1;
	}
}
