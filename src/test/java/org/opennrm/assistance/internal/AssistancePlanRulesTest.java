package org.opennrm.assistance.internal;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;
import org.opennrm.assistance.ApproveAssistancePlan;
import org.opennrm.assistance.AssistancePlanProcess.Variables;
import org.opennrm.assistance.DraftAssistancePlan.WrittenWith;
import org.opennrm.assistance.DraftAssistancePlan;
import org.opennrm.assistance.PlannedService;
import org.opennrm.platform.InvalidFields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Four eyes and the guardian rule, on plain tasks. */
class AssistancePlanRulesTest {

	static final ApproveAssistancePlan APPROVED = new ApproveAssistancePlan(null, null, true, null);

	@Test
	void the_author_may_not_approve_whether_they_hold_the_task_or_submit_it() {
		assertThat(AssistancePlanRules.notByTheAuthor(APPROVED, task("ana", "ana", null)))
			.containsKey(Variables.PLAN_APPROVED);
		assertThat(AssistancePlanRules.notByTheAuthor(APPROVED, task("ana", "bo", "ana")))
			.containsKey(Variables.PLAN_APPROVED);
		assertThat(AssistancePlanRules.notByTheAuthor(APPROVED, task("ana", "bo", "bo"))).isEmpty();
		assertThat(AssistancePlanRules.notByTheAuthor(APPROVED, task("ana", "bo", null))).isEmpty();
	}

	@Test
	void the_author_cannot_be_assigned_the_approval() {
		assertThatThrownBy(() -> new AssistancePlanFourEyes().notify(task("ana", "ana", null)))
			.isInstanceOfSatisfying(InvalidFields.class, invalid -> assertThat(invalid.errors())
				.containsEntry("assignee", AssistancePlanRules.AUTHOR_CANNOT_APPROVE));
		new AssistancePlanFourEyes().notify(task("ana", "bo", null));
		new AssistancePlanFourEyes().notify(task("ana", null, null));
	}

	@Test
	void whoever_completes_the_draft_is_its_author_the_signed_in_user_first() {
		DelegateTask signedIn = task(null, "ana", "bo");
		new RecordAssistancePlanAuthor().notify(signedIn);
		verify(signedIn.getExecution()).setVariable(Variables.PLAN_AUTHOR, "bo");

		DelegateTask assigned = task(null, "ana", null);
		new RecordAssistancePlanAuthor().notify(assigned);
		verify(assigned.getExecution()).setVariable(Variables.PLAN_AUTHOR, "ana");
	}

	@Test
	void a_draft_without_anyone_acting_on_it_is_refused() {
		DelegateTask nobody = task(null, null, null);

		assertThatThrownBy(() -> new RecordAssistancePlanAuthor().notify(nobody)).isInstanceOf(InvalidFields.class);
		verify(nobody.getExecution(), never()).setVariable(Variables.PLAN_AUTHOR, null);
	}

	@Test
	void a_childs_plan_is_written_with_the_guardian() {
		DelegateTask child = task(null, "ana", null);
		when(child.getVariable(Variables.IS_CHILD)).thenReturn(true);
		DelegateTask adult = task(null, "ana", null);
		when(adult.getVariable(Variables.IS_CHILD)).thenReturn(false);

		assertThat(AssistancePlanRules.childsPlanWrittenWithGuardian(draft(WrittenWith.Person), child))
			.containsOnlyKeys(Variables.WRITTEN_WITH);
		assertThat(AssistancePlanRules.childsPlanWrittenWithGuardian(draft(WrittenWith.Guardian), child)).isEmpty();
		assertThat(AssistancePlanRules.childsPlanWrittenWithGuardian(draft(WrittenWith.Person), adult)).isEmpty();
	}

	private static DraftAssistancePlan draft(WrittenWith with) {
		return new DraftAssistancePlan(null, List.of(PlannedService.Shelter), with, "AP/1");
	}

	private static DelegateTask task(String author, String assignee, String signedIn) {
		DelegateTask task = mock(DelegateTask.class, RETURNS_DEEP_STUBS);
		when(task.getVariable(Variables.PLAN_AUTHOR)).thenReturn(author);
		when(task.getAssignee()).thenReturn(assignee);
		when(task.getProcessEngineServices().getIdentityService().getCurrentAuthentication())
			.thenReturn(signedIn == null ? null : new Authentication(signedIn, List.of("supervisor")));
		return task;
	}
}
