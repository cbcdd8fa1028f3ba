package org.opennrm.security.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.opennrm.platform.EngineClock;
import org.opennrm.security.NrmUser;
import org.opennrm.security.SessionsEnded;
import org.opennrm.security.SignedIn;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The sessions of the pages and webapps (ADR 22): completing a sign-in (a new session id, the user in it, when and how
 * they signed in), the user's sessions as the session store has them (every node's), and ending them.
 */
@Component
class SignInSessions {

	static final String SIGNED_IN_AT = "nrm.signedInAt";

	static final String METHOD = "nrm.signInMethod";

	static final String CHECKED_AT = "nrm.checkedAt";

	static final String PROVIDER = "provider";

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final ApplicationEventPublisher events;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	SignInSessions(FindByIndexNameSessionRepository<? extends Session> sessions, ApplicationEventPublisher events) {
		this.sessions = sessions;
		this.events = events;
	}

	/**
	 * Signs the user in: a new session id (no fixation), the user as the session's security context, the time and the
	 * method, and an event for the audit trail.
	 */
	void complete(HttpServletRequest request, HttpServletResponse response, Authentication signedIn, String method) {
		request.getSession(true);
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(signedIn);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		HttpSession session = request.getSession();
		Instant now = Instant.now();
		session.setAttribute(SIGNED_IN_AT, now);
		session.setAttribute(CHECKED_AT, now);
		session.setAttribute(METHOD, method);
		this.events.publishEvent(new SignedIn(((NrmUser) signedIn.getPrincipal()).userId(), method, EngineClock.now()));
	}

	/** Replaces the session's security context (a pending sign-in), keeping the session. */
	void save(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

	/** Ends this request's session (not the others). */
	static void endThis(HttpServletRequest request) {
		SecurityContextHolder.clearContext();
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
	}

	/** The user's sessions, newest first. */
	List<SessionView> of(String userId, String currentSessionId) {
		Map<String, ? extends Session> found = this.sessions.findByPrincipalName(userId);
		return found.values()
			.stream()
			.filter(session -> !session.isExpired())
			.map(session -> new SessionView(session.getCreationTime(), session.getLastAccessedTime(),
					session.getAttribute(METHOD) instanceof String method ? method : "pending",
					session.getId().equals(currentSessionId)))
			.sorted(Comparator.comparing(SessionView::createdAt).reversed())
			.toList();
	}

	/** Ends every session of the user, on every node; returns how many. */
	int endAll(String userId, String reason, String by) {
		Map<String, ? extends Session> found = this.sessions.findByPrincipalName(userId);
		found.keySet().forEach(this.sessions::deleteById);
		if (!found.isEmpty()) {
			this.events.publishEvent(new SessionsEnded(userId, found.size(), reason, by, EngineClock.now()));
		}
		return found.size();
	}

	/** After a sign-in: the page the user came for, else the workspace of their role. */
	static void land(HttpServletRequest request, HttpServletResponse response, NrmUser user) throws IOException {
		SavedRequest saved = new HttpSessionRequestCache().getRequest(request, response);
		if (saved != null) {
			new HttpSessionRequestCache().removeRequest(request, response);
			response.sendRedirect(saved.getRedirectUrl());
			return;
		}
		response.sendRedirect(request.getContextPath() + landing(user));
	}

	static String landing(NrmUser user) {
		if (user.has(org.opennrm.security.Role.AUDITOR)) {
			return "/audit";
		}
		if (user.has(org.opennrm.security.Role.SUPERVISOR)) {
			return "/oversight";
		}
		if (user.has(org.opennrm.security.Role.COORDINATOR)) {
			return "/statistics";
		}
		if (user.has(org.opennrm.security.Role.ADMIN)) {
			return "/camunda/app/admin/default/";
		}
		if (!org.opennrm.security.MobileTeams.teamsAmong(user.groupIds()).isEmpty()) {
			return "/field";
		}
		return "/camunda/app/tasklist/default/";
	}

	/** One session as its user sees it in the list. */
	record SessionView(Instant createdAt, Instant lastActiveAt, String method, boolean current) {

		/** The catalogue code of how it was signed in (public: the account page's template asks for it). */
		public String how() {
			return switch (this.method) {
				case "password" -> "page.account.sessions.method.password";
				case "password and second factor" -> "page.account.sessions.method.secondFactor";
				case PROVIDER -> "page.account.sessions.method.provider";
				default -> "page.account.sessions.method.pending";
			};
		}
	}
}
