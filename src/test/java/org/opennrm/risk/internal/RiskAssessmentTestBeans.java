package org.opennrm.risk.internal;

import org.camunda.bpm.engine.delegate.ExecutionListener;

/** The module's own listeners for process tests, which register them by their bean names. */
public final class RiskAssessmentTestBeans {

	private RiskAssessmentTestBeans() {
	}

	/** {@code riskAssessmentDeadlineMet}: closes the joint deadline's escalation when the assessment ends. */
	public static ExecutionListener deadlineMet() {
		return new RiskAssessmentDeadlineMet();
	}
}
