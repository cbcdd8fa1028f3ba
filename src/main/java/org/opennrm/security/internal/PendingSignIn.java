package org.opennrm.security.internal;

import java.time.Instant;
import java.util.List;

import org.opennrm.security.NrmUser;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A correct password whose second step is still to come: the one-time code (or a recovery code), or, for a user whose
 * role needs a second factor and who has none yet, the enrolment of one. It grants no role and sets no engine identity
 * (its principal is not an {@link NrmUser}): only the sign-in steps accept it, and only for a short while.
 */
final class PendingSignIn extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	/** What is still to come. */
	enum Step {
		/** A one-time code from the enrolled app, or a recovery code. */
		CODE,
		/** Enrolling an authenticator app, then a code from it. */
		ENROL
	}

	private final NrmUser user;

	private final Step step;

	private final Instant passwordAt;

	PendingSignIn(NrmUser user, Step step, Instant passwordAt) {
		super(List.of());
		this.user = user;
		this.step = step;
		this.passwordAt = passwordAt;
		setAuthenticated(true);
	}

	/** The user id only: nothing may read it as a signed-in user. */
	@Override
	public Object getPrincipal() {
		return this.user.userId();
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	NrmUser user() {
		return this.user;
	}

	Step step() {
		return this.step;
	}

	Instant passwordAt() {
		return this.passwordAt;
	}
}
