package org.opennrm.tasks.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.opennrm.platform.SensitiveVariables;
import org.opennrm.tasks.FormValues;
import org.opennrm.tasks.TaskForm;
import org.springframework.stereotype.Component;

/**
 * Every field that some task form marks {@link org.opennrm.tasks.Sensitive}. A name is sensitive everywhere or
 * nowhere: the same name as an ordinary field in another form would leak through that form.
 */
@Component
class SensitiveFormFields implements SensitiveVariables {

	private final Set<String> names;

	SensitiveFormFields(TaskForms forms) {
		Map<String, Boolean> sensitivity = new HashMap<>();
		for (TaskForm<?> form : forms.all()) {
			Set<String> sensitive = FormValues.sensitiveFields(form.type());
			if (!sensitive.isEmpty() && form.sink() == null) {
				throw new IllegalStateException(form.schemaName() + " has sensitive fields but nowhere to keep them");
			}
			for (var component : form.type().getRecordComponents()) {
				boolean isSensitive = sensitive.contains(component.getName());
				Boolean before = sensitivity.put(component.getName(), isSensitive);
				if (before != null && before != isSensitive) {
					throw new IllegalStateException("Field '" + component.getName()
							+ "' is sensitive in one form and not in another: rename one of them");
				}
			}
		}
		this.names = Set.copyOf(sensitivity.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList());
	}

	@Override
	public boolean isSensitive(String variableName) {
		return this.names.contains(variableName);
	}
}
