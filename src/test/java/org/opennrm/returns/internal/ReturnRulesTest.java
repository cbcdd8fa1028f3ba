package org.opennrm.returns.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;
import org.opennrm.cases.AgeGroup;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.opennrm.cases.PersonStatus;
import org.opennrm.cases.Protection;
import org.opennrm.consent.ConsentDecision.GivenBy;
import org.opennrm.notifications.Notification;
import org.opennrm.notifications.Notifications;
import org.opennrm.platform.InvalidFields;
import org.opennrm.returns.ArrangeReceivingPartner;
import org.opennrm.returns.ConfirmDeparture;
import org.opennrm.returns.RecordReturnConsent;
import org.opennrm.returns.VoluntaryReturnProcess.Variables;

/** Who may ask for a return, and the guards on its steps, on plain mocks. */
class ReturnRulesTest {

	final Cases cases = mock(Cases.class);

	@Test
	void police_may_always_ask_social_services_only_when_they_lead_the_case_and_nobody_else() {
		Case ledBySocial = aCase("social", Protection.None, AgeGroup.Adult);
		Case ledByNgo = aCase("ngo", Protection.None, AgeGroup.Adult);

		assertThat(ReturnRules.mayRequest(ledBySocial, Set.of("police"))).isTrue();
		assertThat(ReturnRules.mayRequest(ledByNgo, Set.of("police"))).isTrue();
		assertThat(ReturnRules.mayRequest(ledBySocial, Set.of("social"))).isTrue();
		assertThat(ReturnRules.mayRequest(ledByNgo, Set.of("social"))).isFalse();
		assertThat(ReturnRules.mayRequest(ledByNgo, Set.of("ngo"))).isFalse();
		assertThat(ReturnRules.mayRequest(ledBySocial, Set.of("supervisor", "auditor", "health", "guardian"))).isFalse();
		assertThat(ReturnRules.requestingAgency(ledBySocial, Set.of("police", "social"))).isEqualTo("police");
		assertThat(ReturnRules.requestingAgency(ledBySocial, Set.of("social"))).isEqualTo("social");
	}

	@Test
	void pending_identification_and_the_recovery_period_protect_from_removal_and_an_identified_person_is_not_held() {
		assertThat(Protection.PendingIdentification.blocksRemoval()).isTrue();
		assertThat(Protection.RecoveryPeriod.blocksRemoval()).isTrue();
		assertThat(Protection.None.blocksRemoval()).isFalse();
		assertThat(Protection.Identified.blocksRemoval()).isFalse();
	}

	@Test
	void a_childs_consent_to_return_is_given_by_the_guardian() {
		DelegateTask child = mock(DelegateTask.class);
		when(child.getVariable(Variables.IS_CHILD)).thenReturn(true);
		DelegateTask adult = mock(DelegateTask.class);
		when(adult.getVariable(Variables.IS_CHILD)).thenReturn(false);

		assertThat(ReturnRules.childConsentsThroughGuardian(new RecordReturnConsent(true, GivenBy.Person), child))
			.containsOnlyKeys(Variables.CONSENT_GIVEN_BY);
		assertThat(ReturnRules.childConsentsThroughGuardian(new RecordReturnConsent(true, GivenBy.Guardian), child))
			.isEmpty();
		assertThat(ReturnRules.childConsentsThroughGuardian(new RecordReturnConsent(false, GivenBy.Person), adult))
			.isEmpty();
	}

	@Test
	void no_receiving_partner_is_arranged_and_nobody_departs_while_the_registry_says_the_person_is_protected() {
		DelegateTask task = mock(DelegateTask.class);
		when(task.getVariable(CaseVariables.CASE_ID)).thenReturn("case-1");
		ArrangeReceivingPartner arrangement = new ArrangeReceivingPartner(true, "AL");

		when(this.cases.findById("case-1"))
			.thenReturn(Optional.of(aCase("social", Protection.RecoveryPeriod, AgeGroup.Adult)));
		assertThat(ReturnRules.notWhileProtected(this.cases, arrangement, task))
			.containsOnlyKeys(Variables.RECEIVING_PARTNER_CONFIRMED);
		assertThat(ReturnRules.noDepartureWhileProtected(this.cases, new ConfirmDeparture(true), task))
			.containsOnlyKeys(Variables.DEPARTED);
		assertThat(ReturnRules.noDepartureWhileProtected(this.cases, new ConfirmDeparture(false), task)).isEmpty();

		when(this.cases.findById("case-1"))
			.thenReturn(Optional.of(aCase("social", Protection.Identified, AgeGroup.Adult)));
		assertThat(ReturnRules.notWhileProtected(this.cases, arrangement, task)).isEmpty();
		assertThat(ReturnRules.noDepartureWhileProtected(this.cases, new ConfirmDeparture(true), task)).isEmpty();

		when(this.cases.findById("case-1")).thenReturn(Optional.empty());
		assertThat(ReturnRules.noDepartureWhileProtected(this.cases, new ConfirmDeparture(true), task)).isNotEmpty();
	}

	@Test
	void a_request_takes_the_cases_references_and_protection_from_the_registry() {
		when(this.cases.findById("case-1"))
			.thenReturn(Optional.of(aCase("social", Protection.PendingIdentification, AgeGroup.Uncertain)));
		DelegateExecution execution = starting("case-1", new Authentication("demo-social", List.of("social")));

		new ReadRemovalProtection(this.cases).notify(execution);

		verify(execution).setProcessBusinessKey("TEST-2026-000001");
		verify(execution).setVariable(CaseVariables.CASE_REFERENCE, "TEST-2026-000001");
		verify(execution).setVariable("jurisdiction", "mk");
		verify(execution).setVariable(Variables.IS_CHILD, true);
		verify(execution).setVariable(Variables.REQUESTING_AGENCY, "social");
		verify(execution).setVariable(Variables.REMOVAL_BLOCKED, true);
	}

	@Test
	void a_request_by_someone_not_allowed_to_ask_or_for_a_closed_or_unknown_case_is_refused() {
		when(this.cases.findById("case-1")).thenReturn(Optional.of(aCase("social", Protection.None, AgeGroup.Adult)));
		DelegateExecution byNgo = starting("case-1", new Authentication("demo-ngo", List.of("ngo")));
		assertThatThrownBy(() -> new ReadRemovalProtection(this.cases).notify(byNgo)).isInstanceOf(InvalidFields.class);
		verify(byNgo, never()).setVariable(Variables.REMOVAL_BLOCKED, false);

		when(this.cases.findById("case-2")).thenReturn(Optional.of(aCase("social", Protection.None, AgeGroup.Adult)
			.close(CaseStatus.Closed, "ServicesCompleted", Instant.EPOCH)));
		assertThatThrownBy(() -> new ReadRemovalProtection(this.cases).notify(starting("case-2", null)))
			.isInstanceOf(InvalidFields.class);
		when(this.cases.findById("case-3")).thenReturn(Optional.empty());
		assertThatThrownBy(() -> new ReadRemovalProtection(this.cases).notify(starting("case-3", null)))
			.isInstanceOf(InvalidFields.class);
	}

	@Test
	void a_blocked_removal_is_told_to_the_requesting_agency_and_the_supervisors() {
		Notifications notifications = mock(Notifications.class);
		DelegateExecution execution = mock(DelegateExecution.class);
		when(execution.getVariable(Variables.REQUESTING_AGENCY)).thenReturn("police");
		when(execution.getVariable(CaseVariables.CASE_REFERENCE)).thenReturn("TEST-2026-000001");

		new RecordBlockedRemoval(notifications).execute(execution);

		verify(notifications).notifyGroups(Set.of("police", "supervisor"), "TEST-2026-000001",
				Notification.Kind.RemovalBlocked, RecordBlockedRemoval.SUBJECT);
	}

	private static DelegateExecution starting(String caseId, Authentication starter) {
		DelegateExecution execution = mock(DelegateExecution.class, RETURNS_DEEP_STUBS);
		when(execution.getVariable(CaseVariables.CASE_ID)).thenReturn(caseId);
		when(execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication()).thenReturn(starter);
		return execution;
	}

	private static Case aCase(String leadAgency, Protection protection, AgeGroup ageGroup) {
		return new Case("case-1", "TEST-2026-000001", "mk", leadAgency, "demo-police", Instant.EPOCH, CaseStatus.Active,
				null, null, ageGroup, PersonStatus.Presumed, protection, null, null, null, null);
	}
}
