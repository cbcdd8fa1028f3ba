package org.opennrm.tasks.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.opennrm.tasks.StartForm;
import org.opennrm.tasks.TaskForm;
import org.springframework.stereotype.Component;

/** The registered task types, by process and task key, and the start forms, by process key. */
@Component
class TaskForms {

	private final Map<String, TaskForm<?>> forms;

	private final Map<String, StartForm<?>> starts;

	TaskForms(List<TaskForm<?>> registered, List<StartForm<?>> startForms) {
		Map<String, TaskForm<?>> byKey = new HashMap<>();
		for (TaskForm<?> form : registered) {
			TaskForm<?> previous = byKey.put(key(form.processKey(), form.taskKey()), form);
			if (previous != null) {
				throw new IllegalStateException("Two task forms for " + form.processKey() + "/" + form.taskKey());
			}
		}
		this.forms = Map.copyOf(byKey);
		Map<String, StartForm<?>> byProcess = new HashMap<>();
		for (StartForm<?> start : startForms) {
			if (byProcess.put(start.processKey(), start) != null) {
				throw new IllegalStateException("Two start forms for " + start.processKey());
			}
		}
		this.starts = Map.copyOf(byProcess);
	}

	Optional<TaskForm<?>> find(String processKey, String taskKey) {
		return Optional.ofNullable(this.forms.get(key(processKey, taskKey)));
	}

	Optional<StartForm<?>> findStart(String processKey) {
		return Optional.ofNullable(this.starts.get(processKey));
	}

	Set<TaskForm<?>> all() {
		return Set.copyOf(this.forms.values());
	}

	/** The names a form's record takes: the only variables its task or process may be given by a user. */
	static Set<String> fields(Class<? extends Record> type) {
		return Arrays.stream(type.getRecordComponents()).map(component -> component.getName())
			.collect(Collectors.toUnmodifiableSet());
	}

	private static String key(String processKey, String taskKey) {
		return processKey + "/" + taskKey;
	}
}
