package org.opennrm.identification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.opennrm.identification.VictimIdentificationProcess.Variables;

/** The screening form's checklist field gets the case's checklist as options, as JSON Tasklist can read. */
class OfferIndicatorChecklistTest {

	@Test
	void the_screening_task_is_offered_the_checklist_for_the_form_of_exploitation_and_age_group() throws Exception {
		DelegateTask task = mock(DelegateTask.class);
		when(task.getVariable(Variables.SUSPECTED_EXPLOITATION)).thenReturn("ForcedMarriage");
		when(task.getVariable(Variables.IS_CHILD)).thenReturn(true);

		new OfferIndicatorChecklist(IndicatorChecklistsTest.SHIPPED).notify(task);

		ArgumentCaptor<SerializableValue> options = ArgumentCaptor.forClass(SerializableValue.class);
		verify(task).setVariableLocal(eq(Variables.INDICATOR_OPTIONS), options.capture());
		assertThat(options.getValue().getType().getName()).isEqualTo("json");
		List<Map<String, String>> parsed = new ObjectMapper().readValue(options.getValue().getValueSerialized(),
				new TypeReference<>() {
				});
		assertThat(parsed).isEqualTo(IndicatorChecklistsTest.SHIPPED.forScreening("ForcedMarriage", true).options());
		assertThat(parsed.get(0)).containsOnlyKeys("label", "value", "checklist");
	}
}
