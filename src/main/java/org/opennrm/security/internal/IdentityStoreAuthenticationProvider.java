package org.opennrm.security.internal;

import java.util.HashSet;
import java.util.List;
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
 */
class IdentityStoreAuthenticationProvider implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(IdentityStoreAuthenticationProvider.class);

	static final String GENERIC_FAILURE = "Bad credentials";

	private final IdentityService identityService;

	private final ApplicationEventPublisher events;

	IdentityStoreAuthenticationProvider(IdentityService identityService, ApplicationEventPublisher events) {
		this.identityService = identityService;
		this.events = events;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String userId = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (userId == null || userId.isBlank() || !(credentials instanceof String password) || password.isEmpty()) {
			throw new BadCredentialsException(GENERIC_FAILURE);
		}
		if (!this.identityService.checkPassword(userId, password)) {
			log.warn("Failed API authentication attempt for user '{}'", loggable(userId));
			this.events.publishEvent(new AuthenticationFailed(loggable(userId), "api", EngineClock.now()));
			throw new BadCredentialsException(GENERIC_FAILURE);
		}
		NrmUser user = new NrmUser(userId, groupsOf(userId));
		return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities(user));
	}

	static String loggable(String userId) {
		return AuthenticationFailed.loggable(userId);
	}

	private Set<String> groupsOf(String userId) {
		List<Group> groups = this.identityService.createGroupQuery().groupMember(userId).listPage(0, 500);
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
}
