package org.opennrm.security.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.opennrm.platform.EngineClock;
import org.opennrm.security.AuthenticationFailed;
import org.opennrm.security.NrmUser;
import org.opennrm.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Authenticates against the engine's identity service, the one identity store that Tasklist, Cockpit and Admin use
 * too. The password check goes through {@link IdentityService#checkPassword}, which applies the engine's login
 * throttling (growing delays, then a lock) to every path alike. Failures get one generic message, so a caller cannot
 * tell an unknown user from a wrong password.
 * <p>
 * Two uses (ADR 21). On the sign-in page a correct password is only the first step for a user with a second factor,
 * or whose role needs one: the result is a {@link PendingSignIn} that grants nothing until the second factor is given
 * (or enrolled). On the API (HTTP Basic, the embedded default only) there is no second step: a user whose role needs a
 * second factor is refused there, unless the demo's {@code without-second-factor} is on; a successful sign-in there is
 * kept for a few seconds ({@link RecentApiSignIns}).
 */
class IdentityStoreAuthenticationProvider implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(IdentityStoreAuthenticationProvider.class);

	static final String GENERIC_FAILURE = "Bad credentials";

	/** Where the password was given. */
	enum Channel {
		/** HTTP Basic on the API. */
		API("api", "API"),
		/** The sign-in page of the pages and webapps. */
		SIGN_IN("sign-in", "sign-in");

		private final String audit;

		private final String log;

		Channel(String audit, String log) {
			this.audit = audit;
			this.log = log;
		}
	}

	private final IdentityService identityService;

	private final ApplicationEventPublisher events;

	private final Channel channel;

	private final SecondFactors secondFactors;

	private final boolean basicWithoutSecondFactor;

	/** The API's sign-ins kept for a few seconds; the sign-in page keeps none. */
	private final RecentApiSignIns recent;

	IdentityStoreAuthenticationProvider(IdentityService identityService, ApplicationEventPublisher events,
			SecondFactors secondFactors, boolean basicWithoutSecondFactor, RecentApiSignIns recent) {
		this(identityService, events, Channel.API, secondFactors, basicWithoutSecondFactor,
				Objects.requireNonNull(recent, "recent"));
	}

	IdentityStoreAuthenticationProvider(IdentityService identityService, ApplicationEventPublisher events,
			SecondFactors secondFactors) {
		this(identityService, events, Channel.SIGN_IN, secondFactors, false, null);
	}

	private IdentityStoreAuthenticationProvider(IdentityService identityService, ApplicationEventPublisher events,
			Channel channel, SecondFactors secondFactors, boolean basicWithoutSecondFactor, RecentApiSignIns recent) {
		this.identityService = identityService;
		this.events = events;
		this.channel = channel;
		this.secondFactors = secondFactors;
		this.basicWithoutSecondFactor = basicWithoutSecondFactor;
		this.recent = recent;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String userId = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (userId == null || userId.isBlank() || !(credentials instanceof String password) || password.isEmpty()) {
			throw new BadCredentialsException(GENERIC_FAILURE);
		}
		RecentApiSignIns.Attempt attempt = this.recent == null ? null : this.recent.attempt(userId, password);
		if (attempt != null && attempt.known() != null) {
			// A new token each time: Spring writes each request's details into the one it is given.
			return signedIn(attempt.known());
		}
		// A failure here makes RecentApiSignIns forget what it kept (it watches the engine's password checks).
		if (!this.identityService.checkPassword(userId, password)) {
			log.warn("Failed {} authentication attempt for user '{}'", this.channel.log, loggable(userId));
			this.events.publishEvent(new AuthenticationFailed(loggable(userId), this.channel.audit, EngineClock.now()));
			throw new BadCredentialsException(GENERIC_FAILURE);
		}
		NrmUser user = new NrmUser(userId, groupsOf(this.identityService, userId));
		boolean required = this.secondFactors.isRequiredFor(user.groupIds());
		if (this.channel == Channel.API) {
			if (required && !this.basicWithoutSecondFactor) {
				throw new SecondFactorRequired();
			}
			this.recent.remember(attempt, user);
			return signedIn(user);
		}
		if (this.secondFactors.isEnrolled(userId)) {
			return new PendingSignIn(user, PendingSignIn.Step.CODE, java.time.Instant.now());
		}
		if (required) {
			return new PendingSignIn(user, PendingSignIn.Step.ENROL, java.time.Instant.now());
		}
		return signedIn(user);
	}

	static Authentication signedIn(NrmUser user) {
		return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities(user));
	}

	static String loggable(String userId) {
		return AuthenticationFailed.loggable(userId);
	}

	/** The user's groups as the identity store has them now. */
	static Set<String> groupsOf(IdentityService identityService, String userId) {
		List<Group> groups = identityService.createGroupQuery().groupMember(userId).listPage(0, 500);
		Set<String> ids = new HashSet<>();
		groups.forEach(group -> ids.add(group.getId()));
		return ids;
	}

	static List<GrantedAuthority> authorities(NrmUser user) {
		return user.roles().stream().map(Role::authority).sorted().<GrantedAuthority>map(SimpleGrantedAuthority::new)
			.toList();
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** A correct password from a user who must give a second factor, on a path that cannot ask for one. */
	static final class SecondFactorRequired extends AuthenticationException {

		private static final long serialVersionUID = 1L;

		SecondFactorRequired() {
			super("This account signs in with a second factor: use the sign-in page, or a token from the identity "
					+ "provider.");
		}
	}
}
