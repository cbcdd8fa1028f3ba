package org.opennrm.psychosocial.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;
import org.opennrm.psychosocial.HandOverSupport;
import org.opennrm.psychosocial.PsychoSocialSupportProcess.Variables;
import org.opennrm.tasks.TaskForm;

class PsychoSocialSupportFormsTest {

	@Test
	void the_support_is_handed_over_to_another_agency_never_back_to_the_provider() {
		TaskForm<HandOverSupport> form = new PsychoSocialSupportForms().handOverSupportForm();
		DelegateTask task = mock(DelegateTask.class);
		when(task.getVariable(Variables.PROVIDER)).thenReturn("ngo");

		assertThat(form.check().violations(new HandOverSupport("ngo"), task)).containsOnlyKeys("handOverTo");
		assertThat(form.check().violations(new HandOverSupport("health"), task)).isEmpty();
	}
}
