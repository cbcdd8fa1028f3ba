package org.opennrm.security.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.opennrm.security.CurrentUser;
import org.opennrm.security.NrmUser;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs the webapps (Tasklist, Cockpit, Admin) in with the user of our own sign-in (ADR 21): the password and second
 * factor of the built-in store, or the identity provider. Their own password login is closed (config/engine-api.yml);
 * instead, before every webapp request, the webapps' session record of who is signed in is written from ours: the same
 * user id and exactly the same groups, so the engine's authenticated identity that the webapps set for the request
 * (and that {@link EngineOperationGuard} reads) is the one our sign-in established, and nothing the engine's identity
 * store says about a provider's user adds to it. Which webapps the user may open is read from the engine's application
 * authorizations when the record is written, and again after {@code revalidate-every}. Without a signed-in user the
 * record is removed, so no webapp session outlives ours.
 */
class WebappSignIn extends OncePerRequestFilter {

	/** The session attribute the webapps keep their record under (Camunda's AuthenticationUtil). */
	static final String WEBAPP_AUTHENTICATIONS = "authenticatedUser";

	private static final String WRITTEN_AT = "nrm.webappSignInAt";

	private static final List<String> APPS = List.of("cockpit", "tasklist", "admin");

	private final ProcessEngine engine;

	private final SignInProperties properties;

	WebappSignIn(ProcessEngine engine, SignInProperties properties) {
		this.engine = engine;
		this.properties = properties;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		NrmUser user = CurrentUser.find().orElse(null);
		HttpSession session = request.getSession(user != null);
		if (session != null) {
			if (user == null) {
				session.removeAttribute(WEBAPP_AUTHENTICATIONS);
			}
			else {
				write(session, user);
			}
		}
		chain.doFilter(request, response);
	}

	private void write(HttpSession session, NrmUser user) {
		Authentications authentications = session.getAttribute(WEBAPP_AUTHENTICATIONS) instanceof Authentications kept
				? kept : new Authentications();
		UserAuthentication current = authentications.getAuthenticationForProcessEngine(this.engine.getName()) instanceof UserAuthentication auth
				? auth : null;
		Instant now = Instant.now();
		Instant writtenAt = session.getAttribute(WRITTEN_AT) instanceof Instant at ? at : Instant.EPOCH;
		boolean same = current != null && current.getIdentityId().equals(user.userId())
				&& current.getGroupIds() != null && Set.copyOf(current.getGroupIds()).equals(user.groupIds())
				&& writtenAt.plus(this.properties.sessions().revalidateEvery()).isAfter(now);
		if (same) {
			return;
		}
		UserAuthentication authentication = new UserAuthentication(user.userId(), this.engine.getName());
		authentication.setGroupIds(user.groupIdList());
		authentication.setTenantIds(List.of());
		authentication.setAuthorizedApps(apps(user));
		// The webapps would otherwise re-read the user and groups from the identity store when their cache runs out
		// (on the engine clock, which tests move): the record is ours, rewritten from our sign-in instead.
		authentication.setCacheValidationTime(new Date(Long.MAX_VALUE));
		Authentications replaced = new Authentications();
		replaced.addOrReplace(authentication);
		session.setAttribute(WEBAPP_AUTHENTICATIONS, replaced);
		session.setAttribute(WRITTEN_AT, now);
	}

	private Set<String> apps(NrmUser user) {
		AuthorizationService authorizations = this.engine.getAuthorizationService();
		Set<String> apps = new HashSet<>();
		apps.add("welcome");
		for (String app : APPS) {
			if (authorizations.isUserAuthorized(user.userId(), user.groupIdList(), Permissions.ACCESS,
					Resources.APPLICATION, app)) {
				apps.add(app);
			}
		}
		return apps;
	}
}
