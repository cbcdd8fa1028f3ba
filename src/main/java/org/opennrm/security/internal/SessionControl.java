package org.opennrm.security.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.opennrm.security.NrmUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps page and webapp sessions honest (ADR 22), before anything else reads the user:
 * <ul>
 * <li>an absolute time-out: a session ends a fixed time after its sign-in however busy it is (the idle time-out is the
 * session store's own);</li>
 * <li>for the built-in identity store, every few seconds the user's groups are read again: a user who was deleted or
 * whose groups changed loses every session at once, on every node, and signs in again (with a second factor if their
 * new role needs one). A provider's users are not in the identity store's keeping (their groups come from the token):
 * their sessions end at the time-outs, at sign-out, or when ended from here.</li>
 * </ul>
 * A pending sign-in (password given, second factor not yet) lasts only a few minutes.
 */
class SessionControl extends OncePerRequestFilter {

	private final IdentityService identityService;

	private final SignInSessions sessions;

	private final SignInProperties properties;

	private final ProblemResponses problems;

	private final Clock clock;

	SessionControl(IdentityService identityService, SignInSessions sessions, SignInProperties properties,
			ProblemResponses problems, Clock clock) {
		this.identityService = identityService;
		this.sessions = sessions;
		this.properties = properties;
		this.problems = problems;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		if (session == null || authentication == null) {
			chain.doFilter(request, response);
			return;
		}
		Instant now = this.clock.instant();
		if (authentication instanceof PendingSignIn pending) {
			if (pending.passwordAt().plus(this.properties.secondFactor().pendingSignIn()).isBefore(now)) {
				SignInSessions.endThis(request);
				ended(request, response, "expired");
				return;
			}
		}
		else if (authentication.getPrincipal() instanceof NrmUser user) {
			String reason = check(session, user, now);
			if (reason != null) {
				ended(request, response, "ended");
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/** Why the session must end now, or {@code null}. */
	private String check(HttpSession session, NrmUser user, Instant now) {
		Instant signedInAt = session.getAttribute(SignInSessions.SIGNED_IN_AT) instanceof Instant at ? at : null;
		if (signedInAt == null || signedInAt.plus(this.properties.sessions().absoluteTimeout()).isBefore(now)) {
			// Ends this session only: it outlived its sign-in (or predates this rule).
			SecurityContextHolder.clearContext();
			session.invalidate();
			return "absolute time-out";
		}
		if (SignInSessions.PROVIDER.equals(session.getAttribute(SignInSessions.METHOD))) {
			return null;
		}
		Instant checkedAt = session.getAttribute(SignInSessions.CHECKED_AT) instanceof Instant at ? at : signedInAt;
		if (checkedAt.plus(this.properties.sessions().revalidateEvery()).isAfter(now)) {
			return null;
		}
		String reason = null;
		if (this.identityService.createUserQuery().userId(user.userId()).count() == 0) {
			reason = "user removed";
		}
		else {
			Set<String> groups = IdentityStoreAuthenticationProvider.groupsOf(this.identityService, user.userId());
			if (!groups.equals(user.groupIds())) {
				reason = "groups changed";
			}
		}
		if (reason == null) {
			session.setAttribute(SignInSessions.CHECKED_AT, now);
			return null;
		}
		SecurityContextHolder.clearContext();
		this.sessions.endAll(user.userId(), reason, "system");
		session.invalidate();
		return reason;
	}

	/** A page (or a webapp page) goes back to sign in; an API call gets a 401 problem. */
	private void ended(HttpServletRequest request, HttpServletResponse response, String why) throws IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean page = "GET".equals(request.getMethod()) && !path.startsWith("/camunda/api/");
		if (page) {
			response.sendRedirect(request.getContextPath() + "/login?" + why);
			return;
		}
		this.problems.write(request, response, HttpStatus.UNAUTHORIZED, "problem.sessionEnded");
	}
}
