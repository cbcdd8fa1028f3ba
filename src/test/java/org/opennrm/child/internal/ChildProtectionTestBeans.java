package org.opennrm.child.internal;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opennrm.cases.Cases;

/** The module's own delegates for process tests, which register them by their bean names. */
public final class ChildProtectionTestBeans {

	private ChildProtectionTestBeans() {
	}

	/** {@code recordBestInterests}, on the given registry. */
	public static JavaDelegate recordBestInterests(Cases cases) {
		return new RecordBestInterests(cases);
	}
}
