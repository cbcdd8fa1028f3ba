package org.opennrm.returns.internal;

import static org.opennrm.returns.VoluntaryReturnProcess.KEY;
import static org.opennrm.returns.VoluntaryReturnProcess.TASK_ARRANGE_RECEIVING_PARTNER;
import static org.opennrm.returns.VoluntaryReturnProcess.TASK_CONFIRM_DEPARTURE;
import static org.opennrm.returns.VoluntaryReturnProcess.TASK_RECORD_RETURN_CONSENT;

import org.opennrm.cases.Cases;
import org.opennrm.returns.ArrangeReceivingPartner;
import org.opennrm.returns.ConfirmDeparture;
import org.opennrm.returns.RecordReturnConsent;
import org.opennrm.tasks.TaskForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The typed bodies of the voluntary return's user tasks, with the rules that need the process or the registry. */
@Configuration(proxyBeanMethods = false)
class VoluntaryReturnForms {

	@Bean
	TaskForm<RecordReturnConsent> recordReturnConsentForm() {
		return TaskForm.of(KEY, TASK_RECORD_RETURN_CONSENT, RecordReturnConsent.class)
			.checkedBy(ReturnRules::childConsentsThroughGuardian);
	}

	@Bean
	TaskForm<ArrangeReceivingPartner> arrangeReceivingPartnerForm(Cases cases) {
		return TaskForm.of(KEY, TASK_ARRANGE_RECEIVING_PARTNER, ArrangeReceivingPartner.class)
			.checkedBy((arrangement, task) -> ReturnRules.notWhileProtected(cases, arrangement, task));
	}

	@Bean
	TaskForm<ConfirmDeparture> confirmDepartureForm(Cases cases) {
		return TaskForm.of(KEY, TASK_CONFIRM_DEPARTURE, ConfirmDeparture.class)
			.checkedBy((departure, task) -> ReturnRules.noDepartureWhileProtected(cases, departure, task));
	}
}
