package org.opennrm.tasks.internal;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.opennrm.platform.EngineStatements;
import org.springframework.stereotype.Component;

/** Adds the task API's list statement ({@code VisibleTasks.xml}) to the engine's SQL configuration (ADR 33). */
@Component
class VisibleTaskStatements extends AbstractProcessEnginePlugin {

	static final String MAPPER = "org/opennrm/tasks/internal/VisibleTasks.xml";

	static final String NAMESPACE = "org.opennrm.tasks.internal.VisibleTasks";

	static final String LIST = NAMESPACE + ".selectMyTasks";

	static final String COUNT = NAMESPACE + ".selectMyTaskCount";

	@Override
	public void postInit(ProcessEngineConfigurationImpl engine) {
		if (EngineStatements.supported(engine)) {
			EngineStatements.add(engine, MAPPER, LIST);
		}
	}
}
