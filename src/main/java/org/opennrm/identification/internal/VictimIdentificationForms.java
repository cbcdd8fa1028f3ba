package org.opennrm.identification.internal;

import static org.opennrm.identification.VictimIdentificationProcess.KEY;
import static org.opennrm.identification.VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME;
import static org.opennrm.identification.VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS;
import static org.opennrm.identification.VictimIdentificationProcess.TASK_SCREEN_INDICATORS;

import java.util.Arrays;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.opennrm.identification.ConfirmScreeningOutcome;
import org.opennrm.identification.DecideReasonableGrounds;
import org.opennrm.identification.ScreenIndicators;
import org.opennrm.identification.ScreeningRecommendation;
import org.opennrm.identification.VictimIdentificationProcess.Variables;
import org.opennrm.tasks.TaskForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The typed bodies of the victim identification's user tasks. */
@Configuration(proxyBeanMethods = false)
class VictimIdentificationForms {

	@Bean
	TaskForm<ScreenIndicators> screenIndicatorsForm(ScreeningSink screenings) {
		return TaskForm.of(KEY, TASK_SCREEN_INDICATORS, ScreenIndicators.class).storingSensitiveFieldsIn(screenings);
	}

	@Bean
	TaskForm<ConfirmScreeningOutcome> confirmScreeningOutcomeForm() {
		return TaskForm.of(KEY, TASK_CONFIRM_SCREENING_OUTCOME, ConfirmScreeningOutcome.class)
			.checkedBy((form, task) -> form.violationsGiven(recommendationOf(task)));
	}

	@Bean
	TaskForm<DecideReasonableGrounds> decideReasonableGroundsForm() {
		return TaskForm.of(KEY, TASK_DECIDE_REASONABLE_GROUNDS, DecideReasonableGrounds.class);
	}

	/** What the decision table recommended, as the process holds it; {@code null} if it holds nothing valid. */
	static ScreeningRecommendation recommendationOf(DelegateTask task) {
		Object value = task.getVariable(Variables.SCREENING_RECOMMENDATION);
		return Arrays.stream(ScreeningRecommendation.values())
			.filter(recommendation -> recommendation.name().equals(value))
			.findFirst()
			.orElse(null);
	}
}
