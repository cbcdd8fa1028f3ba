package org.opennrm.security.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.opennrm.security.CurrentUser;
import org.opennrm.security.NrmUser;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs every engine call made on behalf of a request as the signed-in user: sets their id and groups as the engine's
 * authenticated identity, so engine authorization applies, and clears it afterwards so a pooled thread never carries
 * one user's identity into another's request. This is the only place that sets the engine's authenticated user for
 * requests.
 */
class EngineIdentityFilter extends OncePerRequestFilter {

	private final IdentityService identityService;

	EngineIdentityFilter(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		NrmUser user = CurrentUser.find().orElse(null);
		if (user == null) {
			chain.doFilter(request, response);
			return;
		}
		this.identityService.setAuthentication(user.userId(), user.groupIdList());
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}
}
