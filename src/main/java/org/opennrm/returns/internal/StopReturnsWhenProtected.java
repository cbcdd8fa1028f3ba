package org.opennrm.returns.internal;

import org.camunda.bpm.engine.RuntimeService;
import org.opennrm.cases.CaseChanged;
import org.opennrm.platform.TrustedEngineCalls;
import org.opennrm.returns.VoluntaryReturnProcess;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a case gains a protection that blocks removal (presumed victim, recovery period, pending formal decision,
 * reconsideration window), any return under way for it stops at once: the case's change and the message are one
 * transaction. The change may come from any agency's step, none of which may touch the return itself, so the message
 * is delivered as a trusted engine call.
 */
@Component
class StopReturnsWhenProtected {

	private final RuntimeService runtimeService;

	private final TrustedEngineCalls trustedCalls;

	StopReturnsWhenProtected(RuntimeService runtimeService, TrustedEngineCalls trustedCalls) {
		this.runtimeService = runtimeService;
		this.trustedCalls = trustedCalls;
	}

	@EventListener
	void on(CaseChanged change) {
		if (change.after().protection().blocksRemoval() && !change.before().protection().blocksRemoval()) {
			this.trustedCalls.run(() -> this.runtimeService
				.createMessageCorrelation(VoluntaryReturnProcess.MESSAGE_REMOVAL_PROTECTION_BEGAN)
				.processInstanceBusinessKey(change.after().reference())
				.correlateAllWithResult());
		}
	}
}
