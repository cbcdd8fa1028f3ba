package org.opennrm.tasks;

import java.util.Objects;

/**
 * The typed body that starts a process: its components are the only variables a user may start it with (from our
 * API or from its start form in Tasklist). A process without one is started by the service only, never by a user
 * directly.
 *
 * @param processKey the key of the process
 * @param type the record that is the body
 */
public record StartForm<F extends Record>(String processKey, Class<F> type) {

	public StartForm {
		Objects.requireNonNull(processKey, "processKey");
		Objects.requireNonNull(type, "type");
	}

	public static <F extends Record> StartForm<F> of(String processKey, Class<F> type) {
		return new StartForm<>(processKey, type);
	}
}
