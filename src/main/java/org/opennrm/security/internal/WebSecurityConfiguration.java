package org.opennrm.security.internal;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.opennrm.i18n.Texts;
import org.opennrm.platform.OperatorFiles;
import java.util.function.Supplier;

import org.opennrm.security.MobileTeams;
import org.opennrm.security.NrmUser;
import org.opennrm.security.Role;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.logout.HeaderWriterLogoutHandler;
import org.springframework.security.web.header.writers.ClearSiteDataHeaderWriter;
import org.springframework.security.web.header.writers.ClearSiteDataHeaderWriter.Directive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what over HTTP. Deny by default: only the health endpoint and the webapps' own pages are open.
 * <ul>
 * <li>{@code /camunda/**}: Tasklist, Cockpit and Admin authenticate with their own session login against the same
 * identity store and apply engine authorization to the signed-in user; which operations of their APIs each role may
 * call is decided inside those APIs ({@link EngineOperationGuard}).</li>
 * <li>{@code /oversight/**}, {@code /audit/**}, {@code /statistics/**} and {@code /field/**}: the supervisor's and
 * the auditor's workspaces, the statistics page and the mobile teams' field page, pages of the service. Form login at {@code /login} against the same identity
 * store, a session, CSRF tokens on every form; each for its roles only.</li>
 * <li>Everything else (our API, the engine REST API, the API description, metrics): HTTP Basic against the identity
 * store, stateless, with the engine's authenticated identity set for the request. The engine REST API is opened
 * operation by operation, like the webapps' ({@link EngineOperationGuard}).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class WebSecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(WebSecurityConfiguration.class);

	/**
	 * Matches the whole request path: the engine REST API and the webapps' APIs are Jersey servlets, not Spring MVC,
	 * so MVC-aware matchers would miss them.
	 */
	static RequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

	static RequestMatcher path(HttpMethod method, String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
	}

	@Bean
	AuthenticationManager authenticationManager(IdentityService identityService, ApplicationEventPublisher events) {
		return new ProviderManager(new IdentityStoreAuthenticationProvider(identityService, events));
	}

	/** One spelling per path, before anything (Spring Security's matchers included) reads it. */
	@Bean
	FilterRegistrationBean<CanonicalPaths> canonicalPaths(ObjectMapper objectMapper, Texts texts) {
		FilterRegistrationBean<CanonicalPaths> registration = new FilterRegistrationBean<>(
				new CanonicalPaths(new ProblemResponses(objectMapper, texts)));
		registration.setOrder(org.springframework.boot.autoconfigure.security.SecurityProperties.DEFAULT_FILTER_ORDER - 10);
		return registration;
	}

	/** Body limits and the engine query guard, right after authentication and before any servlet reads the body. */
	@Bean
	FilterRegistrationBean<RequestGuard> requestGuard(ObjectMapper objectMapper, SecurityProperties properties,
			Texts texts) {
		RequestGuard guard = new RequestGuard(objectMapper, new ProblemResponses(objectMapper, texts),
				Math.toIntExact(properties.maxBodySize().toBytes()));
		FilterRegistrationBean<RequestGuard> registration = new FilterRegistrationBean<>(guard);
		registration.setOrder(org.springframework.boot.autoconfigure.security.SecurityProperties.DEFAULT_FILTER_ORDER + 1);
		return registration;
	}

	/**
	 * Which operations of the engine's HTTP APIs each role may call: {@code nrm.engine-api.location}, else
	 * {@code ./config/engine-api.yml}, else the copy packaged in the jar. {@link EngineOperationGuard} applies it
	 * inside each of those APIs.
	 */
	@Bean
	EngineApiSurface engineApiSurface(@Value("${nrm.engine-api.location:}") String location) throws IOException {
		Resource resource = OperatorFiles.locate(location, "engine-api.yml");
		EngineApiSurface surface = EngineApiSurface.read(resource);
		log.info("Engine API surface from {}", resource.getDescription());
		return surface;
	}

	/** {@code Cache-Control: no-store} on the engine's REST resources and the webapps' APIs. */
	@Bean
	FilterRegistrationBean<NoStoreResponses> noStoreResponses() {
		FilterRegistrationBean<NoStoreResponses> registration = new FilterRegistrationBean<>(new NoStoreResponses());
		registration.setOrder(org.springframework.boot.autoconfigure.security.SecurityProperties.DEFAULT_FILTER_ORDER + 2);
		return registration;
	}

	@Bean
	@Order(1)
	SecurityFilterChain webapps(HttpSecurity http) throws Exception {
		// The webapps run their own authentication, CSRF protection and security headers (see application.yml).
		return http.securityMatcher(new OrRequestMatcher(path("/camunda/**"), path("/camunda-welcome/**")))
			// Which operations of their APIs are open is decided inside those APIs, on the operation they resolved
			// (EngineOperationGuard and config/engine-api.yml): the first-administrator setup and deployments are
			// open to nobody.
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()).cacheControl(cache -> cache.disable()))
			.requestCache(cache -> cache.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.build();
	}

	/**
	 * The service's own pages: a session from a form login (the same identity store and authentication provider as the
	 * API), CSRF protection on, no script or style from anywhere else.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, AuthenticationManager authenticationManager,
			IdentityService identityService) throws Exception {
		return http
			.securityMatcher(new OrRequestMatcher(path("/oversight"), path("/oversight/**"), path("/audit"),
					path("/audit/**"), path("/statistics"), path("/statistics/**"), path("/field"), path("/field/**"),
					path("/login"), path("/logout"), path("/pages/**")))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(path("/login"), path("/pages/**")).permitAll()
				.requestMatchers(path("/audit"), path("/audit/**")).hasRole(Role.AUDITOR.name())
				.requestMatchers(path("/statistics"), path("/statistics/**")).hasAnyRole(STATISTICS_ROLES)
				// The field page: members of a mobile identification team, whatever their agency.
				.requestMatchers(path("/field"), path("/field/**")).access(WebSecurityConfiguration::teamMember)
				.anyRequest().hasRole(Role.SUPERVISOR.name()))
			.authenticationManager(authenticationManager)
			.formLogin(form -> form.loginPage("/login").successHandler(WebSecurityConfiguration::landing).permitAll())
			.logout(logout -> logout.logoutUrl("/logout")
				.logoutSuccessUrl("/login?signedOut")
				// Nothing of the session stays in the browser after signing out, on a shared or lost phone too.
				.addLogoutHandler(new HeaderWriterLogoutHandler(
						new ClearSiteDataHeaderWriter(Directive.CACHE, Directive.STORAGE))))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; frame-ancestors 'none'; "
						+ "object-src 'none'; base-uri 'self'; form-action 'self'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
			.addFilterAfter(new EngineIdentityFilter(identityService), AuthorizationFilter.class)
			.build();
	}

	private static AuthorizationDecision teamMember(Supplier<Authentication> authentication,
			RequestAuthorizationContext context) {
		Authentication current = authentication.get();
		return new AuthorizationDecision(current != null && current.isAuthenticated()
				&& current.getPrincipal() instanceof NrmUser user && !MobileTeams.teamsAmong(user.groupIds()).isEmpty());
	}

	/** Statistics are for the national coordinator and the supervisors. */
	private static final String[] STATISTICS_ROLES = { Role.COORDINATOR.name(), Role.SUPERVISOR.name() };

	private static boolean holds(Authentication authentication, Role role) {
		return authentication.getAuthorities()
			.stream()
			.anyMatch(authority -> authority.getAuthority().equals(role.authority()));
	}

	/** After sign-in: the page the user came for, else the workspace of their role. */
	private static void landing(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		SavedRequest saved = new HttpSessionRequestCache().getRequest(request, response);
		String target = saved != null ? saved.getRedirectUrl()
				: holds(authentication, Role.AUDITOR) ? "/audit"
						: holds(authentication, Role.COORDINATOR) && !holds(authentication, Role.SUPERVISOR) ? "/statistics"
								: "/oversight";
		response.sendRedirect(saved != null ? target : request.getContextPath() + target);
	}

	@Bean
	@Order(3)
	SecurityFilterChain api(HttpSecurity http, AuthenticationManager authenticationManager,
			IdentityService identityService, ObjectMapper objectMapper, Texts texts) throws Exception {
		ProblemResponses problems = new ProblemResponses(objectMapper, texts);
		return http
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(path("/actuator/health"), path("/actuator/health/**")).permitAll()
				// Error dispatches carry the original answer's status; the error body itself is harmless.
				.requestMatchers(path("/error")).permitAll()
				.requestMatchers(path(HttpMethod.GET, "/"), path(HttpMethod.GET, "/favicon.ico")).permitAll()
				.requestMatchers(path("/actuator/prometheus")).hasRole(Role.ADMIN.name())
				.requestMatchers(path("/actuator/**")).denyAll()
				// The supervisor workspace's API.
				.requestMatchers(path("/api/oversight/**")).hasRole(Role.SUPERVISOR.name())
				// Statistics: aggregates only, for the national coordinator and the supervisors.
				.requestMatchers(path("/api/statistics/**")).hasAnyRole(STATISTICS_ROLES)
				// The engine REST API: which operation is open to whom is decided inside it (EngineOperationGuard).
				.requestMatchers(path("/engine-rest/**"), path("/api/**"), path("/v3/api-docs"),
						path("/v3/api-docs/**"), path("/swagger-ui/**"), path("/swagger-ui.html"))
				.authenticated()
				.anyRequest().denyAll())
			.authenticationManager(authenticationManager)
			.httpBasic(basic -> basic.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			// Stateless Basic authentication: no session cookie to ride on, so no CSRF token is needed.
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(
						"default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
			.addFilterAfter(new EngineIdentityFilter(identityService), AuthorizationFilter.class)
			.build();
	}
}
