package org.opennrm.child.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opennrm.cases.BestInterests;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.opennrm.child.ChildProtectionProcess.Variables;
import org.opennrm.platform.EngineClock;
import org.opennrm.platform.TrustedEngineCalls;
import org.springframework.stereotype.Component;

/**
 * The registry records the best-interests determination, and the calling case process learns that it was made
 * ({@code bestInterestsDetermined = true}), which opens its conditional gates on placement and family contact.
 * <p>
 * The variable is set through the runtime service, not on the super execution directly: only a variable command
 * dispatches the caller's conditional events at once (a variable set from here would wait for the caller's next
 * step). It is the system's step, so it runs without any user's authorizations.
 */
@Component("recordBestInterests")
class RecordBestInterests implements JavaDelegate {

	private final Cases cases;

	RecordBestInterests(Cases cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		BestInterests determination = new BestInterests(flag(execution, Variables.PLACEMENT_IN_BEST_INTERESTS),
				flag(execution, Variables.FAMILY_CONTACT_IN_BEST_INTERESTS),
				flag(execution, Variables.RETURN_IN_BEST_INTERESTS), EngineClock.now());
		this.cases.change((String) execution.getVariable(CaseVariables.CASE_ID),
				current -> current.withBestInterests(determination));
		DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
		if (caller != null) {
			TrustedEngineCalls.withinCommand(() -> {
				execution.getProcessEngineServices()
					.getRuntimeService()
					.setVariable(caller.getId(), Variables.BEST_INTERESTS_DETERMINED, true);
				return null;
			});
		}
	}

	private static boolean flag(DelegateExecution execution, String name) {
		return Boolean.TRUE.equals(execution.getVariable(name));
	}
}
