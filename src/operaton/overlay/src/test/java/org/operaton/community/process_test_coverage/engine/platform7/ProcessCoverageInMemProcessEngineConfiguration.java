package org.operaton.community.process_test_coverage.engine.platform7;

import java.util.ArrayList;
import java.util.List;

import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.operaton.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.operaton.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.operaton.bpm.engine.impl.pvm.PvmTransition;
import org.operaton.bpm.engine.impl.pvm.process.ActivityImpl;
import org.operaton.bpm.engine.impl.pvm.process.ScopeImpl;
import org.operaton.bpm.engine.impl.pvm.process.TransitionImpl;
import org.operaton.bpm.engine.impl.util.xml.Element;

/**
 * Operaton build only (ADR 42): stands in for the process test coverage extension's engine configuration, which has
 * no Operaton release. An in-memory engine that records every flow node started and every sequence flow taken, per
 * process definition, for {@code ProcessEngineCoverageExtension}.
 */
public class ProcessCoverageInMemProcessEngineConfiguration extends StandaloneInMemProcessEngineConfiguration {

	public ProcessCoverageInMemProcessEngineConfiguration() {
		List<BpmnParseListener> listeners = new ArrayList<>();
		listeners.add(new RecordingParseListener());
		setCustomPostBPMNParseListeners(listeners);
	}

	/** Adds a recording listener to every activity and every transition of each parsed process. */
	static final class RecordingParseListener implements BpmnParseListener {

		@Override
		public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
			for (ProcessDefinitionEntity definition : processDefinitions) {
				instrument(definition.getKey(), definition);
			}
		}

		private static void instrument(String modelKey, ScopeImpl scope) {
			for (ActivityImpl activity : scope.getActivities()) {
				String activityId = activity.getId();
				// The engine's multi-instance body wraps the real flow node, which is instrumented on its own.
				if (!activityId.contains("#")) {
					activity.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> CoverageRecorder
						.record(modelKey, execution.getProcessDefinitionId(), activityId, "FLOW_NODE"));
				}
				for (PvmTransition transition : activity.getOutgoingTransitions()) {
					String flowId = transition.getId();
					((TransitionImpl) transition).addExecutionListener(execution -> CoverageRecorder.record(modelKey,
							execution.getProcessDefinitionId(), flowId, "SEQUENCE_FLOW"));
				}
				instrument(modelKey, activity);
			}
		}
	}
}
