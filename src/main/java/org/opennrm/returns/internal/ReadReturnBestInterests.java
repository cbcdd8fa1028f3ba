package org.opennrm.returns.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.opennrm.cases.BestInterests;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.opennrm.returns.VoluntaryReturnProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * Before deciding whether a return is safe: whether the person is (still) treated as a child, and whether the
 * registry's best-interests determination says a return serves them (no determination: it does not).
 */
@Component("readReturnBestInterests")
class ReadReturnBestInterests implements ExecutionListener {

	private final Cases cases;

	ReadReturnBestInterests(Cases cases) {
		this.cases = cases;
	}

	@Override
	public void notify(DelegateExecution execution) {
		Case found = this.cases.findById((String) execution.getVariable(CaseVariables.CASE_ID)).orElseThrow();
		BestInterests interests = found.bestInterests();
		execution.setVariable(Variables.IS_CHILD, found.isChild());
		execution.setVariable(Variables.RETURN_IN_BEST_INTERESTS,
				interests != null && interests.returnInBestInterests());
	}
}
