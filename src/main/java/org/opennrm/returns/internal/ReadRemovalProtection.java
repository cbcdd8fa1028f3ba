package org.opennrm.returns.internal;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.opennrm.deadlines.Deadlines;
import org.opennrm.platform.InvalidFields;
import org.opennrm.returns.VoluntaryReturnProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * When a return is requested, whatever path started it: the case must be open and the requester allowed to ask (police,
 * or social services leading the case); the case's references come from the registry, not from the request; and the
 * registry's protection from removal decides {@code removalBlocked}.
 */
@Component("readRemovalProtection")
class ReadRemovalProtection implements ExecutionListener {

	private final Cases cases;

	ReadRemovalProtection(Cases cases) {
		this.cases = cases;
	}

	@Override
	public void notify(DelegateExecution execution) {
		Object caseId = execution.getVariable(CaseVariables.CASE_ID);
		Case found = caseId == null ? null : this.cases.findById(caseId.toString()).filter(Case::isOpen).orElse(null);
		if (found == null) {
			throw InvalidFields.of(CaseVariables.CASE_ID, "problem.return.noOpenCase");
		}
		Authentication starter = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		List<String> groups = starter == null || starter.getGroupIds() == null ? List.of() : starter.getGroupIds();
		if (starter != null && !ReturnRules.mayRequest(found, groups)) {
			throw InvalidFields.of(CaseVariables.CASE_ID, "problem.return.mayNotRequest");
		}
		execution.setProcessBusinessKey(found.reference());
		execution.setVariable(CaseVariables.CASE_REFERENCE, found.reference());
		execution.setVariable(Deadlines.JURISDICTION, found.jurisdiction());
		execution.setVariable(Variables.IS_CHILD, found.isChild());
		if (starter != null) {
			execution.setVariable(Variables.REQUESTING_AGENCY, ReturnRules.requestingAgency(found, groups));
		}
		execution.setVariable(Variables.REMOVAL_BLOCKED, found.protection().blocksRemoval());
	}
}
