package org.operaton.community.process_test_coverage.engine.platform7;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

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

		/** The BPMN elements the model API calls flow nodes, by their XML names. */
		private static final Set<String> FLOW_NODES = Set.of("startEvent", "endEvent", "intermediateCatchEvent",
				"intermediateThrowEvent", "boundaryEvent", "task", "userTask", "serviceTask", "sendTask", "receiveTask",
				"scriptTask", "businessRuleTask", "manualTask", "callActivity", "subProcess", "transaction",
				"adHocSubProcess", "exclusiveGateway", "inclusiveGateway", "parallelGateway", "eventBasedGateway",
				"complexGateway");

		@Override
		public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
			Map<String, Map<String, String>> afterEventBasedGateways = new HashMap<>();
			for (Element process : rootElement.elements("process")) {
				Set<String> elements = new HashSet<>();
				collect(process, elements);
				CoverageRecorder.model(process.attribute("id"), elements);
				afterEventBasedGateways.put(process.attribute("id"), flowsAfterEventBasedGateways(process));
			}
			for (ProcessDefinitionEntity definition : processDefinitions) {
				instrument(definition.getKey(), definition,
						afterEventBasedGateways.getOrDefault(definition.getKey(), Map.of()));
			}
		}

		/**
		 * The engine never takes the flows out of an event-based gateway (they are not even transitions): it starts
		 * the event that happened. Event id to the flow that leads to it, as the extension counts them.
		 */
		private static Map<String, String> flowsAfterEventBasedGateways(Element process) {
			Set<String> gateways = new HashSet<>();
			List<Element> flows = new ArrayList<>();
			walk(process, element -> {
				if (element.getTagName().equals("eventBasedGateway")) {
					gateways.add(element.attribute("id"));
				}
				else if (element.getTagName().equals("sequenceFlow")) {
					flows.add(element);
				}
			});
			Map<String, String> byTarget = new HashMap<>();
			flows.stream().filter(flow -> gateways.contains(flow.attribute("sourceRef")))
				.forEach(flow -> byTarget.put(flow.attribute("targetRef"), flow.attribute("id")));
			return byTarget;
		}

		private static void walk(Element parent, Consumer<Element> visitor) {
			for (Element child : parent.elements()) {
				visitor.accept(child);
				walk(child, visitor);
			}
		}

		/** The ids of the flow nodes and sequence flows in an element, at any depth. */
		private static void collect(Element parent, Set<String> elements) {
			walk(parent, element -> {
				if (FLOW_NODES.contains(element.getTagName()) || element.getTagName().equals("sequenceFlow")) {
					elements.add(element.attribute("id"));
				}
			});
		}

		private static void instrument(String modelKey, ScopeImpl scope, Map<String, String> afterEventBasedGateways) {
			for (ActivityImpl activity : scope.getActivities()) {
				String activityId = activity.getId();
				// The engine's multi-instance body wraps the real flow node, which is instrumented on its own.
				if (!activityId.contains("#")) {
					activity.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> CoverageRecorder
						.record(modelKey, execution.getProcessDefinitionId(), activityId, "FLOW_NODE"));
				}
				String flowFromGateway = afterEventBasedGateways.get(activityId);
				if (flowFromGateway != null) {
					activity.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> CoverageRecorder
						.record(modelKey, execution.getProcessDefinitionId(), flowFromGateway, "SEQUENCE_FLOW"));
				}
				for (PvmTransition transition : activity.getOutgoingTransitions()) {
					String flowId = transition.getId();
					((TransitionImpl) transition).addExecutionListener(execution -> CoverageRecorder.record(modelKey,
							execution.getProcessDefinitionId(), flowId, "SEQUENCE_FLOW"));
				}
				instrument(modelKey, activity, afterEventBasedGateways);
			}
		}
	}
}
