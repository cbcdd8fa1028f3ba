package org.opennrm.tasks.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.opennrm.tasks.TaskForm;
import org.springframework.stereotype.Component;

/** The registered task types, by process and task key. */
@Component
class TaskForms {

	private final Map<String, TaskForm<?>> forms;

	TaskForms(List<TaskForm<?>> registered) {
		Map<String, TaskForm<?>> byKey = new HashMap<>();
		for (TaskForm<?> form : registered) {
			TaskForm<?> previous = byKey.put(key(form.processKey(), form.taskKey()), form);
			if (previous != null) {
				throw new IllegalStateException("Two task forms for " + form.processKey() + "/" + form.taskKey());
			}
		}
		this.forms = Map.copyOf(byKey);
	}

	Optional<TaskForm<?>> find(String processKey, String taskKey) {
		return Optional.ofNullable(this.forms.get(key(processKey, taskKey)));
	}

	Set<TaskForm<?>> all() {
		return Set.copyOf(this.forms.values());
	}

	private static String key(String processKey, String taskKey) {
		return processKey + "/" + taskKey;
	}
}
