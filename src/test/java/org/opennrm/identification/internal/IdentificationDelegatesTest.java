package org.opennrm.identification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.opennrm.cases.AgeGroup;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.opennrm.cases.PersonStatus;
import org.opennrm.cases.Protection;

/** Each identification step moves the person's status and protection in the case registry. */
class IdentificationDelegatesTest {

	final Cases cases = mock(Cases.class);

	@Test
	void a_presumed_victim_is_protected_while_identification_is_pending() throws Exception {
		Case after = apply(new ProtectPresumedVictim(this.cases), atRisk());

		assertThat(after.personStatus()).isEqualTo(PersonStatus.Presumed);
		assertThat(after.protection()).isEqualTo(Protection.PendingIdentification);
	}

	@Test
	void no_reasonable_grounds_ends_the_protection() throws Exception {
		Case after = apply(new RecordNoReasonableGrounds(this.cases), presumed(Protection.PendingIdentification));

		assertThat(after.personStatus()).isEqualTo(PersonStatus.NotIdentified);
		assertThat(after.protection()).isEqualTo(Protection.None);
	}

	@Test
	void an_identified_victim_is_recorded_as_identified() throws Exception {
		Case after = apply(new RecordIdentification(this.cases), presumed(Protection.PendingFormalDecision));

		assertThat(after.personStatus()).isEqualTo(PersonStatus.Identified);
		assertThat(after.protection()).isEqualTo(Protection.Identified);
	}

	@Test
	void an_open_reconsideration_window_keeps_the_person_protected_and_presumed() throws Exception {
		Case after = apply(new OpenReconsiderationWindow(this.cases), presumed(Protection.PendingFormalDecision));

		assertThat(after.personStatus()).isEqualTo(PersonStatus.Presumed);
		assertThat(after.protection()).isEqualTo(Protection.ReconsiderationWindow);
		assertThat(after.protection().blocksRemoval()).isTrue();
	}

	@Test
	void a_closed_reconsideration_window_leaves_the_person_not_identified() throws Exception {
		Case after = apply(new CloseReconsiderationWindow(this.cases), presumed(Protection.ReconsiderationWindow));

		assertThat(after.personStatus()).isEqualTo(PersonStatus.NotIdentified);
		assertThat(after.protection()).isEqualTo(Protection.None);
	}

	@SuppressWarnings("unchecked")
	private Case apply(JavaDelegate delegate, Case before) throws Exception {
		DelegateExecution execution = mock(DelegateExecution.class);
		when(execution.getVariable(CaseVariables.CASE_ID)).thenReturn(before.caseId());

		delegate.execute(execution);

		ArgumentCaptor<UnaryOperator<Case>> transition = ArgumentCaptor.forClass(UnaryOperator.class);
		verify(this.cases).change(eq(before.caseId()), transition.capture());
		return transition.getValue().apply(before);
	}

	private static Case atRisk() {
		return presumed(Protection.None).withPersonStatus(PersonStatus.AtRisk);
	}

	private static Case presumed(Protection protection) {
		return new Case("case-1", "NRM-2026-000001", "coe", "social", "worker-1", Instant.parse("2026-03-02T09:00:00Z"),
				CaseStatus.Active, null, null, AgeGroup.Adult, PersonStatus.Presumed, protection, null, null, null, null);
	}
}
