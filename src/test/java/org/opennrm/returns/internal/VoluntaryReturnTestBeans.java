package org.opennrm.returns.internal;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.opennrm.cases.Cases;

/** The module's own listeners for process tests, which register them by their bean names. */
public final class VoluntaryReturnTestBeans {

	private VoluntaryReturnTestBeans() {
	}

	/** {@code readRemovalProtection}, on the given registry. */
	public static ExecutionListener readRemovalProtection(Cases cases) {
		return new ReadRemovalProtection(cases);
	}

	/** {@code readReturnBestInterests}, on the given registry. */
	public static ExecutionListener readReturnBestInterests(Cases cases) {
		return new ReadReturnBestInterests(cases);
	}
}
