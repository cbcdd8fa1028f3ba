package org.opennrm.risk.internal;

import static org.opennrm.risk.RiskAssessmentProcess.KEY;
import static org.opennrm.risk.RiskAssessmentProcess.TASK_ASSESS_RISK_AS_CASE_MANAGER;
import static org.opennrm.risk.RiskAssessmentProcess.TASK_ASSESS_RISK_AS_POLICE;

import org.opennrm.risk.AssessRiskAsCaseManager;
import org.opennrm.risk.AssessRiskAsPolice;
import org.opennrm.tasks.TaskForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The typed bodies of the risk assessment's user tasks. */
@Configuration(proxyBeanMethods = false)
class RiskAssessmentForms {

	@Bean
	TaskForm<AssessRiskAsPolice> assessRiskAsPoliceForm(RiskFactorsSink riskFactors) {
		return TaskForm.of(KEY, TASK_ASSESS_RISK_AS_POLICE, AssessRiskAsPolice.class)
			.storingSensitiveFieldsIn(riskFactors);
	}

	@Bean
	TaskForm<AssessRiskAsCaseManager> assessRiskAsCaseManagerForm(RiskFactorsSink riskFactors) {
		return TaskForm.of(KEY, TASK_ASSESS_RISK_AS_CASE_MANAGER, AssessRiskAsCaseManager.class)
			.storingSensitiveFieldsIn(riskFactors);
	}
}
