package org.opennrm.platform.internal;

import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.opennrm.platform.SensitiveVariables;

/**
 * The engine's database history, minus every event about a sensitive variable or form field: with history level
 * FULL, the engine would otherwise keep each submitted value (as a variable update and a form property) forever.
 */
class SensitiveHistoryFilter extends DbHistoryEventHandler {

	private final SensitiveVariables sensitive;

	SensitiveHistoryFilter(SensitiveVariables sensitive) {
		this.sensitive = sensitive;
	}

	@Override
	public void handleEvent(HistoryEvent event) {
		if (event instanceof HistoricVariableUpdateEventEntity variable
				&& this.sensitive.isSensitive(variable.getVariableName())) {
			return;
		}
		if (event instanceof HistoricFormPropertyEventEntity property
				&& this.sensitive.isSensitive(property.getPropertyId())) {
			return;
		}
		super.handleEvent(event);
	}
}
