package org.opennrm.platform;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A command refused by one of our rules inside the engine (see {@link EngineCommandRule}): what the user asked for is
 * not theirs to do, whatever path it came by. It is an {@link AuthorizationException} so that every engine HTTP
 * resource passes it on unwrapped; the status says how to answer it (403 for a rule, 409 for a conflict with someone
 * else's work), and the message is for the user.
 */
public class ActionRefused extends AuthorizationException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private ActionRefused(int status, String message) {
		super(message);
		this.status = status;
	}

	/** Not permitted, whoever asks in this role or situation. */
	public static ActionRefused forbidden(String message) {
		return new ActionRefused(403, message);
	}

	/** Not possible now, because of someone else's work on the same thing (a task they hold). */
	public static ActionRefused conflict(String message) {
		return new ActionRefused(409, message);
	}

	/** The HTTP status that answers it. */
	public int status() {
		return this.status;
	}
}
