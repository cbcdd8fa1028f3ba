package org.opennrm.platform;

import org.camunda.bpm.engine.AuthorizationException;
import org.opennrm.i18n.Text;

/**
 * A command refused by one of our rules inside the engine (see {@link EngineCommandRule}): what the user asked for is
 * not theirs to do, whatever path it came by. It is an {@link AuthorizationException} so that every engine HTTP
 * resource passes it on unwrapped; the status says how to answer it (403 for a rule, 409 for a conflict with someone
 * else's work, 404 for something the user may not see), and the text, said in the user's language when the answer is
 * written, why.
 */
public class ActionRefused extends AuthorizationException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final transient Text text;

	private ActionRefused(int status, Text text) {
		super(text.toString());
		this.status = status;
		this.text = text;
	}

	/** Not permitted, whoever asks in this role or situation. */
	public static ActionRefused forbidden(String code, Object... arguments) {
		return new ActionRefused(403, Text.of(code, arguments));
	}

	/** Not possible now, because of someone else's work on the same thing (a task they hold). */
	public static ActionRefused conflict(String code, Object... arguments) {
		return new ActionRefused(409, Text.of(code, arguments));
	}

	/** Not there for this user: something they may not see, answered as if it did not exist. */
	public static ActionRefused notFound(String code, Object... arguments) {
		return new ActionRefused(404, Text.of(code, arguments));
	}

	/** The HTTP status that answers it. */
	public int status() {
		return this.status;
	}

	/** Why, for the user. */
	public Text text() {
		return this.text;
	}
}
