package org.opennrm.platform;

import java.util.Map;
import java.util.Set;

/** What the models under {@code processes/} declare, as deployed at start-up. */
public interface ProcessModels {

	/** Process key to the groups its model names as {@code camunda:candidateStarterGroups}. */
	Map<String, Set<String>> candidateStarterGroups();
}
