package org.opennrm.security;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs work as a named user outside a request (demo data, tests), exactly as a request of theirs would run: their
 * groups come from the identity store, engine authorization applies, and the identity is cleared afterwards.
 */
@Component
public class RunAs {

	private final IdentityService identityService;

	RunAs(IdentityService identityService) {
		this.identityService = identityService;
	}

	public <T> T user(String userId, Supplier<T> work) {
		Set<String> groups = new HashSet<>();
		this.identityService.createGroupQuery().groupMember(userId).listPage(0, 500)
			.forEach(group -> groups.add(group.getId()));
		NrmUser user = new NrmUser(userId, groups);
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
				user.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList()));
		SecurityContextHolder.setContext(context);
		this.identityService.setAuthentication(userId, user.groupIdList());
		try {
			return work.get();
		}
		finally {
			this.identityService.clearAuthentication();
			SecurityContextHolder.setContext(previous);
		}
	}

	public void user(String userId, Runnable work) {
		user(userId, () -> {
			work.run();
			return null;
		});
	}
}
