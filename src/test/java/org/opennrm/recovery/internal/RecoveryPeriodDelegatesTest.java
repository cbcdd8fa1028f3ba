package org.opennrm.recovery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.ArgumentMatchers;
import org.opennrm.cases.AgeGroup;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.opennrm.cases.PersonStatus;
import org.opennrm.cases.Protection;
import org.opennrm.deadlines.Deadlines;
import org.opennrm.deadlines.Jurisdictions;
import org.opennrm.processes.ProcessTestSupport;
import org.opennrm.recovery.RecoveryPeriodProcess.Variables;

/** The recovery period's steps: protection in the registry, and its end from the jurisdiction's clocks. */
class RecoveryPeriodDelegatesTest {

	static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

	final Cases cases = mock(Cases.class);

	final Deadlines deadlines = new Deadlines(Jurisdictions.load("file:config/jurisdictions/*.yml", "coe"));

	@BeforeEach
	void setUp() {
		ProcessTestSupport.clockAt(NOW);
	}

	@AfterEach
	void tearDown() {
		ProcessTestSupport.resetClock();
	}

	@Test
	void a_foreign_national_gets_the_jurisdictions_period_for_foreign_nationals() throws Exception {
		DelegateExecution execution = execution("mk", true);

		new StartRecoveryPeriod(this.cases, this.deadlines).execute(execution);

		verify(execution).setVariable(Variables.RECOVERY_PERIOD_ENDS, Date.from(NOW.plus(Duration.ofDays(60))));
		assertThat(transition().apply(presumed()).protection()).isEqualTo(Protection.RecoveryPeriod);
	}

	@Test
	void a_national_gets_the_jurisdictions_recovery_period() throws Exception {
		DelegateExecution execution = execution("mk", false);

		new StartRecoveryPeriod(this.cases, this.deadlines).execute(execution);

		verify(execution).setVariable(Variables.RECOVERY_PERIOD_ENDS, Date.from(NOW.plus(Duration.ofDays(30))));
	}

	@Test
	void an_extension_runs_for_the_jurisdictions_extension_from_the_review() throws Exception {
		DelegateExecution execution = execution("coe", true);

		new ExtendRecoveryPeriod(this.deadlines).execute(execution);

		verify(execution).setVariable(Variables.RECOVERY_PERIOD_ENDS, Date.from(NOW.plus(Duration.ofDays(30))));
		verify(this.cases, never()).change(ArgumentMatchers.any(), ArgumentMatchers.any());
	}

	@Test
	void the_end_of_the_period_keeps_the_person_protected_until_the_formal_decision() throws Exception {
		new EndRecoveryPeriod(this.cases).execute(execution("coe", false));

		Protection after = transition().apply(presumed().withProtection(Protection.RecoveryPeriod)).protection();
		assertThat(after).isEqualTo(Protection.PendingFormalDecision);
		assertThat(after.blocksRemoval()).isTrue();
	}

	@SuppressWarnings("unchecked")
	private UnaryOperator<Case> transition() {
		ArgumentCaptor<UnaryOperator<Case>> transition = ArgumentCaptor.forClass(UnaryOperator.class);
		verify(this.cases).change(eq("case-31"), transition.capture());
		return transition.getValue();
	}

	private static DelegateExecution execution(String jurisdiction, boolean foreignNational) {
		DelegateExecution execution = mock(DelegateExecution.class);
		when(execution.getVariable(CaseVariables.CASE_ID)).thenReturn("case-31");
		when(execution.getVariable(Deadlines.JURISDICTION)).thenReturn(jurisdiction);
		when(execution.getVariable(Variables.FOREIGN_NATIONAL)).thenReturn(foreignNational);
		return execution;
	}

	private static Case presumed() {
		return new Case("case-31", "NRM-2026-000031", "mk", "social", "worker-1", NOW, CaseStatus.Active, null, null,
				AgeGroup.Adult, PersonStatus.Presumed, Protection.PendingIdentification, null, null, null, null);
	}
}
