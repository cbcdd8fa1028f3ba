package org.opennrm.identification.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.opennrm.cases.PersonStatus;
import org.opennrm.cases.Protection;
import org.springframework.stereotype.Component;

/** A presumed victim: assistance starts now and no removal while identification is pending (CETS 197 Art. 10). */
@Component("protectPresumedVictim")
class ProtectPresumedVictim implements JavaDelegate {

	private final Cases cases;

	ProtectPresumedVictim(Cases cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.cases.change((String) execution.getVariable(CaseVariables.CASE_ID), current -> current
			.withPersonStatus(PersonStatus.Presumed)
			.withProtection(Protection.PendingIdentification));
	}
}
