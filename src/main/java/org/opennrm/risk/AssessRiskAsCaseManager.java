package org.opennrm.risk;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.opennrm.cases.RiskLevel;
import org.opennrm.tasks.DisplayOnly;
import org.opennrm.tasks.Sensitive;

/**
 * The case manager's half of a joint risk assessment.
 *
 * @param assessmentReason why the assessment is made (shown, not written)
 * @param riskRating the risk to the person as this assessor sees it
 * @param riskFactors what drives it, or {@code None} alone
 */
public record AssessRiskAsCaseManager(@DisplayOnly String assessmentReason, @NotNull RiskLevel riskRating,
		@Sensitive(section = "risk") @NotEmpty List<@NotNull RiskFactor> riskFactors) {

	@JsonIgnore
	@AssertTrue(message = "{validation.risk.noneAlone}")
	public boolean isNoneChosenAlone() {
		return RiskFactor.noneAlone(this.riskFactors);
	}
}
