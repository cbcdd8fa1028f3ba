package org.opennrm.identification.internal;

import static org.opennrm.identification.FormalIdentificationProcess.KEY;
import static org.opennrm.identification.FormalIdentificationProcess.TASK_DECIDE_FORMAL_IDENTIFICATION;

import org.opennrm.identification.DecideFormalIdentification;
import org.opennrm.tasks.TaskForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The typed body of the formal identification decision. */
@Configuration(proxyBeanMethods = false)
class FormalIdentificationForms {

	@Bean
	TaskForm<DecideFormalIdentification> decideFormalIdentificationForm() {
		return TaskForm.of(KEY, TASK_DECIDE_FORMAL_IDENTIFICATION, DecideFormalIdentification.class);
	}
}
