package org.opennrm.risk.internal;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.opennrm.cases.CaseVariables;
import org.opennrm.casefile.CaseFile;
import org.opennrm.casefile.RiskSection;
import org.opennrm.platform.EngineClock;
import org.opennrm.risk.RiskAssessmentProcess;
import org.opennrm.risk.RiskAssessmentProcess.Variables;
import org.opennrm.tasks.TaskForm;
import org.springframework.stereotype.Component;

/**
 * Where an assessor's risk factors go: the case file's risk section, with the rating, the assessor's agency and why
 * the risk was assessed. The process keeps only the rating.
 */
@Component
class RiskFactorsSink implements TaskForm.SensitiveSink {

	private final CaseFile caseFile;

	RiskFactorsSink(CaseFile caseFile) {
		this.caseFile = caseFile;
	}

	@Override
	public void store(DelegateTask task, Map<String, Object> values) {
		Object factors = values.get(Variables.RISK_FACTORS);
		List<String> riskFactors = factors instanceof List<?> list ? list.stream().map(String::valueOf).toList()
				: List.of();
		String agency = RiskAssessmentProcess.TASK_ASSESS_RISK_AS_POLICE.equals(task.getTaskDefinitionKey()) ? "police"
				: "social";
		Object rating = task.getVariable(Variables.RISK_RATING);
		this.caseFile.recordRiskAssessment((String) task.getVariable(CaseVariables.CASE_ID),
				new RiskSection.Assessment((String) task.getVariable(Variables.ASSESSMENT_REASON), agency,
						rating == null ? null : rating.toString(), riskFactors, TaskForm.SensitiveSink.completingUser(task), EngineClock.now()));
	}
}
