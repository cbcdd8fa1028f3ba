package org.opennrm.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The user on whose behalf the current request runs. Only authenticated requests reach the API, so {@link #get()}
 * failing means a programming error, not a user error.
 */
public final class CurrentUser {

	private CurrentUser() {
	}

	public static Optional<NrmUser> find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof NrmUser user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	public static NrmUser get() {
		return find().orElseThrow(() -> new IllegalStateException("No authenticated user on this thread"));
	}
}
