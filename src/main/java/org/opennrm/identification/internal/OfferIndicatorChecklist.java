package org.opennrm.identification.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.opennrm.identification.VictimIdentificationProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * When a screening task is created: offers the checklist for the case's suspected form of exploitation and age group
 * as the options of the form's checklist field (a task-local JSON variable, which Tasklist reads as the field's
 * {@code valuesKey}).
 */
@Component("offerIndicatorChecklist")
class OfferIndicatorChecklist implements TaskListener {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final IndicatorChecklists checklists;

	OfferIndicatorChecklist(IndicatorChecklists checklists) {
		this.checklists = checklists;
	}

	@Override
	public void notify(DelegateTask task) {
		IndicatorChecklist checklist = this.checklists.forScreening(task);
		try {
			task.setVariableLocal(Variables.INDICATOR_OPTIONS,
					SpinValues.jsonValue(JSON.writeValueAsString(checklist.options())).create());
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write the options of checklist " + checklist.id(), ex);
		}
	}
}
