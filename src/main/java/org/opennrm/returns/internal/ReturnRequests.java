package org.opennrm.returns.internal;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.opennrm.casefile.CaseAccess;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.opennrm.deadlines.Deadlines;
import org.opennrm.platform.Problems;
import org.opennrm.platform.TrustedEngineCalls;
import org.opennrm.returns.ReturnReason;
import org.opennrm.returns.ReturnRequested;
import org.opennrm.returns.VoluntaryReturnProcess.Variables;
import org.opennrm.returns.VoluntaryReturnProcess;
import org.opennrm.security.CurrentUser;
import org.opennrm.security.NrmUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a voluntary return for the signed-in worker. Police involved in the case (or who opened it), or social
 * services leading it, may ask; anyone else gets the same 404 as for a reference that does not exist, so they learn
 * neither that the case exists nor whether the person is protected.
 * <p>
 * The return process has no start form: users cannot start it directly (ADR 20). It is started here as a trusted call
 * once these checks have passed, with the facts the registry holds, and its initiator is still the worker.
 */
@Service
@Transactional
class ReturnRequests {

	private final RuntimeService runtimeService;

	private final Cases cases;

	private final CaseAccess access;

	private final TrustedEngineCalls trustedCalls;

	ReturnRequests(RuntimeService runtimeService, Cases cases, CaseAccess access, TrustedEngineCalls trustedCalls) {
		this.runtimeService = runtimeService;
		this.cases = cases;
		this.access = access;
		this.trustedCalls = trustedCalls;
	}

	ReturnRequested request(String reference, ReturnReason reason) {
		NrmUser user = CurrentUser.get();
		Case found = this.cases.findByReference(reference)
			.filter(candidate -> ReturnRules.mayRequest(candidate, user.groupIds())
					&& (this.access.involved(user, candidate) || user.userId().equals(candidate.openedBy())))
			.orElseThrow(() -> Problems.notFound("problem.case.notFound"));
		if (!found.isOpen()) {
			throw Problems.conflict("problem.case.closed", reference);
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put(CaseVariables.CASE_ID, found.caseId());
		variables.put(CaseVariables.CASE_REFERENCE, found.reference());
		variables.put(Deadlines.JURISDICTION, found.jurisdiction());
		variables.put(Variables.IS_CHILD, found.isChild());
		variables.put(Variables.RETURN_REASON, reason.name());
		variables.put(Variables.REQUESTING_AGENCY, ReturnRules.requestingAgency(found, user.groupIds()));
		ProcessInstanceWithVariables started = this.trustedCalls.run(() -> this.runtimeService
			.createProcessInstanceByKey(VoluntaryReturnProcess.KEY)
			.businessKey(found.reference())
			.setVariables(variables)
			.executeWithVariablesInReturn());
		boolean blocked = Boolean.TRUE.equals(started.getVariables().get(Variables.REMOVAL_BLOCKED));
		return new ReturnRequested(found.reference(), reason,
				blocked ? ReturnRequested.Outcome.Blocked : ReturnRequested.Outcome.InProgress);
	}
}
