package org.opennrm.platform;

import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Submitted values that break a form's rules, field by field. It is a {@link ProcessEngineException} so that Tasklist
 * shows its message when a form submitted there is refused; our API answers it with a 400 problem response.
 */
public class InvalidFields extends ProcessEngineException {

	private final Map<String, String> errors;

	public InvalidFields(Map<String, String> errors) {
		super("Some fields are not valid: " + new TreeMap<>(errors));
		this.errors = Map.copyOf(errors);
	}

	/** Field name to what is wrong with it. */
	public Map<String, String> errors() {
		return this.errors;
	}
}
