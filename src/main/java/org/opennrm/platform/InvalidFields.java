package org.opennrm.platform;

import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.ProcessEngineException;
import org.opennrm.i18n.Text;

/**
 * Submitted values that break a form's rules, field by field. It is a {@link ProcessEngineException} so that Tasklist
 * shows its message when a form submitted there is refused; every API answers it with a 400 problem response naming
 * each field and what is wrong with it, in the caller's language.
 */
public class InvalidFields extends ProcessEngineException {

	private final transient Map<String, Text> errors;

	public InvalidFields(Map<String, Text> errors) {
		super("Some fields are not valid: " + describe(errors));
		this.errors = Map.copyOf(errors);
	}

	/** One field, with a catalogue code saying what is wrong with it. */
	public static InvalidFields of(String field, String code, Object... arguments) {
		return new InvalidFields(Map.of(field, Text.of(code, arguments)));
	}

	/** Messages already in the reader's language (Bean Validation's), field by field. */
	public static InvalidFields said(Map<String, String> errors) {
		Map<String, Text> texts = new TreeMap<>();
		errors.forEach((field, message) -> texts.put(field, Text.said(message)));
		return new InvalidFields(texts);
	}

	/** Each field with the catalogue code of what is wrong with it (never the arguments: they may echo input). */
	private static String describe(Map<String, Text> errors) {
		StringBuilder text = new StringBuilder();
		new TreeMap<>(errors).forEach((field, error) -> text.append(text.isEmpty() ? "" : ", ")
			.append(field)
			.append(error.code() == null ? "" : " (" + error.code() + ")"));
		return text.toString();
	}

	/** Field name to what is wrong with it. */
	public Map<String, Text> errors() {
		return this.errors;
	}
}
