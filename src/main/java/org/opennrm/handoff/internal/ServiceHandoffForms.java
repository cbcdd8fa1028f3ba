package org.opennrm.handoff.internal;

import static org.opennrm.handoff.ServiceHandoffProcess.KEY;
import static org.opennrm.handoff.ServiceHandoffProcess.TASK_CHOOSE_ANOTHER_PROVIDER;
import static org.opennrm.handoff.ServiceHandoffProcess.TASK_RECORD_SERVICE_DELIVERY;
import static org.opennrm.handoff.ServiceHandoffProcess.TASK_RESPOND_TO_REFERRAL;

import org.opennrm.handoff.ChooseAnotherProvider;
import org.opennrm.handoff.RecordServiceDelivery;
import org.opennrm.handoff.RespondToReferral;
import org.opennrm.tasks.TaskForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The typed bodies of the hand-off's user tasks. */
@Configuration(proxyBeanMethods = false)
class ServiceHandoffForms {

	@Bean
	TaskForm<RespondToReferral> respondToReferralForm() {
		return TaskForm.of(KEY, TASK_RESPOND_TO_REFERRAL, RespondToReferral.class);
	}

	@Bean
	TaskForm<ChooseAnotherProvider> chooseAnotherProviderForm() {
		return TaskForm.of(KEY, TASK_CHOOSE_ANOTHER_PROVIDER, ChooseAnotherProvider.class);
	}

	@Bean
	TaskForm<RecordServiceDelivery> recordServiceDeliveryForm() {
		return TaskForm.of(KEY, TASK_RECORD_SERVICE_DELIVERY, RecordServiceDelivery.class);
	}
}
