package org.opennrm.assistance.internal;

import org.camunda.bpm.engine.delegate.TaskListener;

/** The module's own task listeners for process tests, which register them by their bean names. */
public final class AssistancePlanTestBeans {

	private AssistancePlanTestBeans() {
	}

	/** {@code recordAssistancePlanAuthor}. */
	public static TaskListener recordAuthor() {
		return new RecordAssistancePlanAuthor();
	}

	/** {@code assistancePlanFourEyes}. */
	public static TaskListener fourEyes() {
		return new AssistancePlanFourEyes();
	}
}
