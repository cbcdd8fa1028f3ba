package org.opennrm.security.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.uri.UriTemplate;
import org.opennrm.i18n.Text;
import org.opennrm.i18n.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Opens the engine's HTTP APIs operation by operation (ADR 20). It runs inside each JAX-RS application after Jersey
 * has chosen the resource method that will answer, and decides on that method and its template, not on the URL: a
 * trailing or doubled slash, a named-engine prefix, percent-encoding or any other spelling that reaches an operation
 * reaches this check with it. An operation that no surface of the caller's roles names is refused: 401 before signing
 * in, 403 after. The caller is the engine's authenticated identity, which both our security chain (for
 * {@code /engine-rest}) and the webapps' own sign-in (for {@code /camunda/api}) set before the request reaches Jersey.
 */
@Priority(Priorities.AUTHORIZATION)
class EngineOperationGuard implements ContainerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(EngineOperationGuard.class);

	@Context
	private ServletContext servletContext;

	@Context
	private HttpServletRequest servletRequest;

	@Override
	public void filter(ContainerRequestContext request) {
		WebApplicationContext spring = WebApplicationContextUtils.getRequiredWebApplicationContext(this.servletContext);
		EngineApi api = EngineApi.ofServletPath(this.servletRequest.getServletPath()).orElse(null);
		ExtendedUriInfo uriInfo = (ExtendedUriInfo) request.getUriInfo();
		Authentication caller = spring.getBean(ProcessEngine.class).getIdentityService().getCurrentAuthentication();
		boolean signedIn = caller != null && caller.getUserId() != null;
		if (api == null) {
			refuse(request, signedIn, "problem.engineApi.notOpen");
			return;
		}
		String template = template(uriInfo);
		String path = EngineApiSurface.normalise(template);
		if (api.servesEngineResources() && path.startsWith("/engine/{}/")) {
			// The named-engine spelling of an engine resource; an unknown engine name never gets this far (the
			// engine's own locator answers it, and EngineApiProblems makes that a 404).
			path = path.substring("/engine/{}".length());
		}
		ResourceMethod method = uriInfo.getMatchedResourceMethod();
		boolean query = method != null && method.getInvocable().getHandlingMethod().getName().startsWith("query");
		Set<String> groups = signedIn && caller.getGroupIds() != null ? Set.copyOf(caller.getGroupIds()) : Set.of();
		if (!spring.getBean(EngineApiSurface.class).allows(api, request.getMethod(), query, path, groups, signedIn)) {
			log.debug("Refused {} {} {} (operation {} {}) for {}", api.id(), request.getMethod(),
					request.getUriInfo().getPath(), request.getMethod(), path, signedIn ? caller.getUserId() : "anonymous");
			refuse(request, signedIn, "problem.engineApi.notForYourRole");
		}
	}

	private void refuse(ContainerRequestContext request, boolean signedIn, String code) {
		Texts texts = ProblemBodies.texts(this.servletContext);
		Locale language = ProblemBodies.language(this.servletContext, this.servletRequest);
		request.abortWith(signedIn ? ProblemBodies.response(texts, language, 403, Text.of(code))
				: ProblemBodies.response(texts, language, 401, Text.of("problem.engineApi.signIn")));
	}

	/** The matched templates from the application's root to the resource method, joined. */
	static String template(ExtendedUriInfo uriInfo) {
		List<UriTemplate> matched = new ArrayList<>(uriInfo.getMatchedTemplates());
		StringBuilder path = new StringBuilder();
		for (int i = matched.size() - 1; i >= 0; i--) {
			path.append('/').append(matched.get(i).getTemplate());
		}
		return path.toString();
	}
}
