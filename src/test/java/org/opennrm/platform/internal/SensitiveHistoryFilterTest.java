package org.opennrm.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.junit.jupiter.api.Test;

class SensitiveHistoryFilterTest {

	final SensitiveHistoryFilter filter = new SensitiveHistoryFilter(name -> name.equals("observedIndicators"),
			name -> name.equals("caseReference"));

	@Test
	void a_label_on_a_task_is_left_out_and_the_same_variable_of_the_process_is_kept() {
		assertThat(this.filter.keeps(variable("caseReference", "task-1"))).isFalse();
		assertThat(this.filter.keeps(variable("caseReference", null))).isTrue();
	}

	@Test
	void a_sensitive_value_is_left_out_wherever_it_was_set() {
		assertThat(this.filter.keeps(variable("observedIndicators", null))).isFalse();
		assertThat(this.filter.keeps(variable("observedIndicators", "task-1"))).isFalse();
		HistoricFormPropertyEventEntity property = new HistoricFormPropertyEventEntity();
		property.setPropertyId("observedIndicators");
		assertThat(this.filter.keeps(property)).isFalse();
		property.setPropertyId("riskRating");
		assertThat(this.filter.keeps(property)).isTrue();
	}

	@Test
	void everything_else_is_kept() {
		assertThat(this.filter.keeps(variable("riskRating", "task-1"))).isTrue();
		assertThat(this.filter.keeps(variable("riskRating", null))).isTrue();
		assertThat(this.filter.keeps(new HistoricTaskInstanceEventEntity())).isTrue();
	}

	private static HistoricVariableUpdateEventEntity variable(String name, String taskId) {
		HistoricVariableUpdateEventEntity event = new HistoricVariableUpdateEventEntity();
		event.setVariableName(name);
		event.setTaskId(taskId);
		return event;
	}
}
