package org.opennrm.risk.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.opennrm.cases.RiskLevel;
import org.opennrm.platform.EngineClock;
import org.opennrm.risk.RiskAssessmentProcess.Variables;
import org.springframework.stereotype.Component;

/** The case registry records the combined risk level and when it was assessed. */
@Component("recordRiskAssessment")
class RecordRiskAssessment implements JavaDelegate {

	private final Cases cases;

	RecordRiskAssessment(Cases cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Object combined = execution.getVariable(Variables.RISK_LEVEL);
		if (combined == null) {
			throw new IllegalStateException("The risk ratings did not combine to a risk level");
		}
		RiskLevel level = RiskLevel.valueOf(combined.toString());
		this.cases.change((String) execution.getVariable(CaseVariables.CASE_ID),
				current -> current.withRisk(level, EngineClock.now()));
	}
}
