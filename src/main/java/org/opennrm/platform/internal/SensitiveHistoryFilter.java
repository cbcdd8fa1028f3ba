package org.opennrm.platform.internal;

import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.opennrm.platform.SensitiveVariables;
import org.opennrm.platform.TaskLabels;

/**
 * The engine's database history, minus every event about a sensitive variable or form field: with history level
 * FULL, the engine would otherwise keep each submitted value (as a variable update and a form property) forever. Also
 * minus the {@link TaskLabels} on tasks, which repeat a process variable whose history is kept.
 */
class SensitiveHistoryFilter extends DbHistoryEventHandler {

	private final SensitiveVariables sensitive;

	private final TaskLabels labels;

	SensitiveHistoryFilter(SensitiveVariables sensitive, TaskLabels labels) {
		this.sensitive = sensitive;
		this.labels = labels;
	}

	@Override
	public void handleEvent(HistoryEvent event) {
		if (keeps(event)) {
			super.handleEvent(event);
		}
	}

	boolean keeps(HistoryEvent event) {
		if (event instanceof HistoricVariableUpdateEventEntity variable) {
			return !this.sensitive.isSensitive(variable.getVariableName())
					&& !(variable.getTaskId() != null && this.labels.isLabel(variable.getVariableName()));
		}
		if (event instanceof HistoricFormPropertyEventEntity property) {
			return !this.sensitive.isSensitive(property.getPropertyId());
		}
		return true;
	}
}
