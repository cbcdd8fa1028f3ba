package org.operaton.community.process_test_coverage.engine.platform7;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Operaton build only (ADR 42): what the instrumented engine passed through since the last {@link #drain()}. Process
 * tests run one at a time in one JVM, like the extension they stand in for assumes.
 */
public final class CoverageRecorder {

	/** One flow node started or one sequence flow taken. */
	public record Event(String modelKey, String processDefinitionId, String elementId, String source,
			long timestamp) {
	}

	private static final List<Event> EVENTS = new ArrayList<>();

	/** Process definition key to the ids of its flow nodes and sequence flows, as last deployed. */
	private static final Map<String, Set<String>> MODELS = new HashMap<>();

	private CoverageRecorder() {
	}

	static synchronized void record(String modelKey, String processDefinitionId, String elementId, String source) {
		EVENTS.add(new Event(modelKey, processDefinitionId, elementId, source, System.currentTimeMillis()));
	}

	static synchronized void model(String key, Set<String> elements) {
		MODELS.put(key, Set.copyOf(elements));
	}

	/** The flow nodes and sequence flows of the model last deployed under a key. */
	public static synchronized Set<String> elementsOf(String key) {
		return MODELS.getOrDefault(key, Set.of());
	}

	/** The events since the last call, forgotten here. */
	public static synchronized List<Event> drain() {
		List<Event> events = new ArrayList<>(EVENTS);
		EVENTS.clear();
		return events;
	}
}
