package org.opennrm.processes;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.opennrm.cases.CaseVariables;
import org.opennrm.deadlines.Deadlines;
import org.opennrm.deadlines.Jurisdictions;

/**
 * What process tests share: the in-memory engine with flow-node coverage (reports under
 * {@code target/process-test-coverage}), and stand-ins for delegates whose business code has its own tests.
 */
public final class ProcessTestSupport {

	/** Every process must be covered to at least this share of its flow nodes by its test class. */
	public static final double MINIMUM_COVERAGE = 0.9;

	private ProcessTestSupport() {
	}

	/**
	 * Not named {@code camunda.cfg.xml} on purpose: the engine's registry would otherwise build this in-memory engine
	 * inside the integration tests too, and the REST API would talk to it.
	 */
	public static final String ENGINE_CONFIGURATION = "process-test-engine.cfg.xml";

	public static ProcessEngineCoverageExtension engineWithCoverage() {
		return ProcessEngineCoverageExtension.Companion.builder(ENGINE_CONFIGURATION)
			.assertClassCoverageAtLeast(MINIMUM_COVERAGE)
			.build();
	}

	/**
	 * The engine for a model that calls other processes for real: the called processes' flow nodes are left out of
	 * this class's coverage (their own test classes cover them).
	 */
	public static ProcessEngineCoverageExtension engineWithCoverage(String... calledProcessKeys) {
		return ProcessEngineCoverageExtension.Companion.builder(ENGINE_CONFIGURATION)
			.assertClassCoverageAtLeast(MINIMUM_COVERAGE)
			.excludeProcessDefinitionKeys(calledProcessKeys)
			.build();
	}

	/** Registers a case as the real listener would: a reference as business key, the case id as a variable. */
	public static void registerCaseMock() {
		Mocks.register("registerCase", (ExecutionListener) execution -> {
			String reference = "TEST-2026-" + execution.getProcessInstanceId().substring(0, 6);
			execution.setVariable(CaseVariables.CASE_ID, "case-" + execution.getProcessInstanceId());
			execution.setVariable(CaseVariables.CASE_REFERENCE, reference);
			execution.setProcessBusinessKey(reference);
		});
	}

	/** A delegate that does nothing: the path, not the side effect, is under test. */
	public static void noOpDelegate(String name) {
		Mocks.register(name, new NoOp());
	}

	/** The escalation's side effects (marking the task overdue, telling the coordinators), doing nothing. */
	public static void escalationWithoutSideEffects() {
		noOpDelegate("markOverdue");
		noOpDelegate("notifyCoordinator");
	}

	/** Stands in for a delegate or a listener of any kind (the bare engine of the benchmarks uses it too). */
	public static final class NoOp implements JavaDelegate, TaskListener, ExecutionListener {

		@Override
		public void execute(DelegateExecution execution) {
		}

		@Override
		public void notify(DelegateTask task) {
		}

		@Override
		public void notify(DelegateExecution execution) {
		}
	}

	/** The real {@code deadlines} bean, on the jurisdiction profiles shipped in {@code config/jurisdictions}. */
	public static Deadlines realDeadlines() {
		Deadlines deadlines = new Deadlines(Jurisdictions.load("file:config/jurisdictions/*.yml", "coe"));
		Mocks.register("deadlines", deadlines);
		return deadlines;
	}

	/** Moves the engine clock, which every timer and due date reads. */
	public static void clockAt(java.time.Instant instant) {
		ClockUtil.setCurrentTime(java.util.Date.from(instant));
	}

	public static void resetClock() {
		ClockUtil.reset();
	}

	public static String businessKeyOf(String processInstanceId) {
		return runtimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
			.getBusinessKey();
	}
}
