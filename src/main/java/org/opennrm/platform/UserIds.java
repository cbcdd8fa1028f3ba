package org.opennrm.platform;

import java.util.regex.Pattern;

/**
 * The form of a user id, the same wherever one is taken: the engine's identity service, the API's fields, the pages'
 * inputs and the claims of an identity provider's token.
 */
public final class UserIds {

	/**
	 * Letters and digits, joined by single dots, hyphens or underscores ({@code ana.petrovic}, {@code demo-social}):
	 * nothing that could be markup, a path or a query. The hyphen is escaped so that a page's {@code pattern} attribute,
	 * which browsers read as a JavaScript expression with the {@code v} flag, means what Java means.
	 */
	public static final String FORM = "[a-zA-Z0-9]+([._\\-][a-zA-Z0-9]+)*";

	/** The longest user id the engine stores. */
	public static final int MAX_LENGTH = 64;

	private static final Pattern COMPILED = Pattern.compile(FORM);

	private UserIds() {
	}

	/** Whether this is a user id of this service: of the form, and not longer than the engine stores. */
	public static boolean isUserId(String candidate) {
		return candidate != null && candidate.length() <= MAX_LENGTH && COMPILED.matcher(candidate).matches();
	}
}
