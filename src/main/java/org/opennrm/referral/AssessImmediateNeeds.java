package org.opennrm.referral;

import jakarta.validation.constraints.NotNull;

/**
 * The case manager's first assessment: immediate safety risk and which services to hand over to at once.
 *
 * @param riskLevel immediate safety risk
 * @param needsShelter refer to a shelter NGO
 * @param needsMedicalCheck refer to health services
 */
public record AssessImmediateNeeds(@NotNull RiskLevel riskLevel, @NotNull Boolean needsShelter,
		@NotNull Boolean needsMedicalCheck) {

	public enum RiskLevel {
		Low, Medium, High
	}
}
