package org.opennrm.identification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.cases.CaseVariables;
import org.opennrm.casefile.CaseFile;
import org.opennrm.casefile.IdentificationSection;
import org.opennrm.identification.VictimIdentificationProcess.Variables;
import org.opennrm.platform.InvalidFields;

/**
 * What the case file and the screening record keep and what reaches the process: the codes go to the case file's
 * identification section, only counts and the checklist's id and version become process variables.
 */
class ScreeningSinkTest {

	static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

	final List<Screening> recorded = new ArrayList<>();

	final DelegateExecution process = mock(DelegateExecution.class);

	final List<IdentificationSection.Screening> filed = new ArrayList<>();

	final CaseFile caseFile = mock(CaseFile.class);

	final ScreeningSink sink = new ScreeningSink(IndicatorChecklistsTest.SHIPPED, this.recorded::add, this.caseFile);

	@BeforeEach
	void setUp() {
		ClockUtil.setCurrentTime(Date.from(NOW));
		doAnswer(call -> {
			assertThat((String) call.getArgument(0)).isEqualTo("case-1");
			return this.filed.add(call.getArgument(1));
		}).when(this.caseFile).recordScreening(anyString(), any());
	}

	@AfterEach
	void tearDown() {
		ClockUtil.reset();
	}

	@Test
	void the_indicators_seen_go_to_the_case_file_and_the_process_gets_counts_only() {
		DelegateTask task = screening("LabourExploitation", false, "worker-1");

		this.sink.store(task, Map.of(Variables.OBSERVED_INDICATORS,
				List.of("DeceivedAboutJob", "ExcessiveHours", "PapersKept", "DebtBondage", "ExcessiveHours")));

		assertThat(this.recorded).containsExactly(new Screening("case-1", "pi-1", "task-1", "labour-exploitation-adult",
				1, "worker-1", NOW));
		assertThat(this.filed).containsExactly(new IdentificationSection.Screening("labour-exploitation-adult", 1,
				List.of("DeceivedAboutJob", "ExcessiveHours", "PapersKept", "DebtBondage"), "worker-1", NOW));
		verify(this.process).setVariables(new IndicatorCounts(1, 0, 0, 1, 0, 0, 2, 0, 0).asVariables());
		verify(this.process).setVariable(Variables.CHECKLIST, "labour-exploitation-adult");
		verify(this.process).setVariable(Variables.CHECKLIST_VERSION, 1);
	}

	@Test
	void a_screening_that_saw_nothing_is_recorded_with_zero_counts() {
		this.sink.store(screening("Unknown", true, "worker-1"), Map.of(Variables.OBSERVED_INDICATORS, List.of()));

		assertThat(this.recorded).singleElement().satisfies(screening -> {
			assertThat(screening.checklistId()).isEqualTo("general");
		});
		assertThat(this.filed).singleElement().satisfies(screening -> assertThat(screening.observedIndicators()).isEmpty());
		verify(this.process).setVariables(new IndicatorCounts(0, 0, 0, 0, 0, 0, 0, 0, 0).asVariables());
	}

	@Test
	void a_code_that_is_not_on_the_offered_checklist_is_refused_and_nothing_is_kept() {
		DelegateTask task = screening("ForcedBegging", true, "worker-1");

		assertThatThrownBy(() -> this.sink.store(task,
				Map.of(Variables.OBSERVED_INDICATORS, List.of("MustHandOverTakings", "DeceivedAboutJobOffer"))))
			.isInstanceOf(InvalidFields.class)
			.satisfies(ex -> assertThat(((InvalidFields) ex).errors()).containsOnlyKeys(Variables.OBSERVED_INDICATORS))
			.satisfies(ex -> assertThat(((InvalidFields) ex).errors().get(Variables.OBSERVED_INDICATORS).arguments())
				.contains("forced-begging-child")
				.anySatisfy(argument -> assertThat(String.valueOf(argument)).contains("2")))
			.as("what was sent is not echoed: the engine logs the message")
			.hasMessageNotContaining("DeceivedAboutJobOffer");
		assertThat(this.recorded).isEmpty();
		assertThat(this.filed).isEmpty();
		verify(this.process, never()).setVariables(anyMap());
		verify(this.process, never()).setVariable(anyString(), any());
	}

	@Test
	void a_screening_completed_without_a_claim_is_recorded_as_the_signed_in_users() {
		DelegateTask task = screening("SexualExploitation", false, null);
		IdentityService identity = mock(IdentityService.class);
		ProcessEngineServices services = mock(ProcessEngineServices.class);
		when(task.getProcessEngineServices()).thenReturn(services);
		when(services.getIdentityService()).thenReturn(identity);
		when(identity.getCurrentAuthentication()).thenReturn(new Authentication("worker-2", List.of("ngo")));

		this.sink.store(task, Map.of(Variables.OBSERVED_INDICATORS, List.of("EarningsHandedOver")));

		assertThat(this.recorded).extracting(Screening::screenedBy).containsExactly("worker-2");
		assertThat(this.filed).extracting(IdentificationSection.Screening::screenedBy).containsExactly("worker-2");
	}

	private DelegateTask screening(String suspectedExploitation, boolean child, String assignee) {
		DelegateTask task = mock(DelegateTask.class);
		DelegateExecution execution = mock(DelegateExecution.class);
		when(task.getVariable(Variables.SUSPECTED_EXPLOITATION)).thenReturn(suspectedExploitation);
		when(task.getVariable(Variables.IS_CHILD)).thenReturn(child);
		when(task.getVariable(CaseVariables.CASE_ID)).thenReturn("case-1");
		when(task.getProcessInstanceId()).thenReturn("pi-1");
		when(task.getId()).thenReturn("task-1");
		when(task.getAssignee()).thenReturn(assignee);
		when(task.getExecution()).thenReturn(execution);
		when(execution.getProcessInstance()).thenReturn(this.process);
		return task;
	}
}
