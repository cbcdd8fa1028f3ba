package org.opennrm.child.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.UserQuery;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.opennrm.cases.AgeGroup;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.opennrm.cases.PersonStatus;
import org.opennrm.cases.Protection;
import org.opennrm.child.AppointGuardian;
import org.opennrm.child.ChildProtectionProcess.Variables;
import org.opennrm.consent.ConsentDecision.GivenBy;
import org.opennrm.consent.ConsentLedger;
import org.opennrm.consent.ConsentPurpose;

/** Child protection's glue on plain mocks: the registry, the consent ledger and the identity store. */
class ChildProtectionDelegatesTest {

	final Cases cases = mock(Cases.class);

	@Test
	void the_guardian_decides_consent_for_each_agency_and_an_agency_not_ticked_is_refused() {
		ConsentLedger ledger = mock(ConsentLedger.class);
		DelegateExecution execution = execution();
		when(execution.getVariable(Variables.CONSENT_TO_SERVICES)).thenReturn(true);
		when(execution.getVariable(Variables.CONSENT_TO_SHARE_WITH_AGENCIES)).thenReturn(List.of("health", "ngo"));
		when(execution.getVariable(Variables.CONSENT_RECORDED_BY)).thenReturn("guardian-1");

		new RecordGuardianConsentDecisions(ledger).execute(execution);

		verify(ledger).record("case-1", ConsentPurpose.Services, null, true, GivenBy.Guardian, "guardian-1");
		verify(ledger).record("case-1", ConsentPurpose.SharingWithAgency, "police", false, GivenBy.Guardian, "guardian-1");
		verify(ledger).record("case-1", ConsentPurpose.SharingWithAgency, "social", false, GivenBy.Guardian, "guardian-1");
		verify(ledger).record("case-1", ConsentPurpose.SharingWithAgency, "health", true, GivenBy.Guardian, "guardian-1");
		verify(ledger).record("case-1", ConsentPurpose.SharingWithAgency, "ngo", true, GivenBy.Guardian, "guardian-1");
	}

	@Test
	void no_agency_ticked_means_sharing_with_none_recorded_by_the_appointed_guardian() {
		ConsentLedger ledger = mock(ConsentLedger.class);
		DelegateExecution execution = execution();
		when(execution.getVariable(Variables.CONSENT_TO_SERVICES)).thenReturn(false);
		when(execution.getVariable(Variables.GUARDIAN_USER_ID)).thenReturn("guardian-2");

		new RecordGuardianConsentDecisions(ledger).execute(execution);

		verify(ledger).record("case-1", ConsentPurpose.Services, null, false, GivenBy.Guardian, "guardian-2");
		verify(ledger, never()).record(anyString(), eq(ConsentPurpose.SharingWithAgency), anyString(), eq(true), any(),
				anyString());
	}

	@Test
	void the_best_interests_go_to_the_registry_and_without_a_caller_nothing_else_happens() {
		DelegateExecution execution = mock(DelegateExecution.class, RETURNS_DEEP_STUBS);
		when(execution.getVariable(CaseVariables.CASE_ID)).thenReturn("case-1");
		when(execution.getVariable(Variables.PLACEMENT_IN_BEST_INTERESTS)).thenReturn(true);
		when(execution.getVariable(Variables.FAMILY_CONTACT_IN_BEST_INTERESTS)).thenReturn(false);
		when(execution.getVariable(Variables.RETURN_IN_BEST_INTERESTS)).thenReturn(true);
		when(execution.getProcessInstance().getSuperExecution()).thenReturn(null);

		new RecordBestInterests(this.cases).execute(execution);

		Case after = applied();
		assertThat(after.bestInterests().placementInBestInterests()).isTrue();
		assertThat(after.bestInterests().familyContactInBestInterests()).isFalse();
		assertThat(after.bestInterests().returnInBestInterests()).isTrue();
		verify(execution.getProcessEngineServices().getRuntimeService(), never()).setVariable(anyString(), anyString(),
				any());
	}

	@Test
	void the_registry_records_the_guardian_and_an_adult_assessment() {
		DelegateExecution execution = execution();
		when(execution.getVariable(Variables.GUARDIAN_USER_ID)).thenReturn("guardian-1");

		new RecordGuardian(this.cases).execute(execution);
		assertThat(applied().guardian()).isEqualTo("guardian-1");

		new RecordAdultAssessment(this.cases).execute(execution);
		assertThat(appliedLast().ageGroup()).isEqualTo(AgeGroup.Adult);
	}

	@Test
	void only_a_member_of_the_guardians_group_can_be_appointed() {
		IdentityService identity = mock(IdentityService.class);
		UserQuery guardians = mock(UserQuery.class, RETURNS_DEEP_STUBS);
		when(identity.createUserQuery()).thenReturn(guardians);
		when(guardians.userId("guardian-1").memberOfGroup("guardian").count()).thenReturn(1L);
		when(guardians.userId("demo-police").memberOfGroup("guardian").count()).thenReturn(0L);
		DelegateTask task = mock(DelegateTask.class, RETURNS_DEEP_STUBS);
		when(task.getProcessEngineServices().getIdentityService()).thenReturn(identity);

		assertThat(Guardians.mustBeGuardian(new AppointGuardian("guardian-1"), task)).isEmpty();
		assertThat(Guardians.mustBeGuardian(new AppointGuardian("demo-police"), task))
			.containsEntry(Variables.GUARDIAN_USER_ID, Guardians.NOT_A_GUARDIAN);
	}

	private DelegateExecution execution() {
		DelegateExecution execution = mock(DelegateExecution.class);
		when(execution.getVariable(CaseVariables.CASE_ID)).thenReturn("case-1");
		return execution;
	}

	@SuppressWarnings("unchecked")
	private Case applied() {
		ArgumentCaptor<UnaryOperator<Case>> transition = ArgumentCaptor.forClass(UnaryOperator.class);
		verify(this.cases).change(eq("case-1"), transition.capture());
		return transition.getValue().apply(child());
	}

	@SuppressWarnings("unchecked")
	private Case appliedLast() {
		ArgumentCaptor<UnaryOperator<Case>> transition = ArgumentCaptor.forClass(UnaryOperator.class);
		verify(this.cases, org.mockito.Mockito.atLeastOnce()).change(eq("case-1"), transition.capture());
		return transition.getValue().apply(child());
	}

	private static Case child() {
		return new Case("case-1", "TEST-2026-000001", "coe", "social", "demo-police", Instant.EPOCH, CaseStatus.Active,
				null, null, AgeGroup.Uncertain, PersonStatus.Presumed, Protection.PendingIdentification, null, null, null,
				null);
	}
}
