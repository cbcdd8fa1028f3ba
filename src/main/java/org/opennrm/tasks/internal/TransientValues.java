package org.opennrm.tasks.internal;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/** Values the engine holds for one command only: never written to its tables or its history. */
final class TransientValues {

	private TransientValues() {
	}

	static TypedValue of(Object value) {
		if (value == null) {
			return Variables.untypedNullValue(true);
		}
		if (value instanceof String text) {
			return Variables.stringValue(text, true);
		}
		if (value instanceof Boolean flag) {
			return Variables.booleanValue(flag, true);
		}
		if (value instanceof Integer number) {
			return Variables.integerValue(number, true);
		}
		if (value instanceof Long number) {
			return Variables.longValue(number, true);
		}
		return Variables.objectValue(value, true).create();
	}
}
