package org.opennrm.security.internal;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.opennrm.platform.OperatorFiles;
import org.opennrm.security.Role;
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
import org.springframework.http.HttpStatus;
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
 * <li>{@code /oversight/**}, {@code /audit/**} and {@code /statistics/**}: the supervisor's and the auditor's
 * workspaces and the statistics page, pages of the service. Form login at {@code /login} against the same identity
 * store, a session, CSRF tokens on every form; each for its roles only.</li>
 * <li>{@code /peer/**}: the peer endpoint, where other instances of this service deliver transnational referrals. Its
 * caller is another instance, not a user: it authenticates by the message's signature, which the endpoint checks
 * before anything else, so this chain has no login, no session and no engine identity, lets exactly two operations
 * through (deliver a message, read this instance's public keys) and refuses everything else.</li>
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
	FilterRegistrationBean<CanonicalPaths> canonicalPaths(ObjectMapper objectMapper) {
		FilterRegistrationBean<CanonicalPaths> registration = new FilterRegistrationBean<>(
				new CanonicalPaths(new ProblemResponses(objectMapper)));
		registration.setOrder(org.springframework.boot.autoconfigure.security.SecurityProperties.DEFAULT_FILTER_ORDER - 10);
		return registration;
	}

	/** Body limits and the engine query guard, right after authentication and before any servlet reads the body. */
	@Bean
	FilterRegistrationBean<RequestGuard> requestGuard(ObjectMapper objectMapper, SecurityProperties properties) {
		RequestGuard guard = new RequestGuard(objectMapper, new ProblemResponses(objectMapper),
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

	/**
	 * The peer endpoint (transnational referral, ADR 25): another instance, authenticated by its message's signature,
	 * not by a user's password. Deny by default: only delivering a message and reading the public keys are open here.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain peers(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
		ProblemResponses problems = new ProblemResponses(objectMapper);
		return http.securityMatcher(path("/peer/**"))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(path(HttpMethod.POST, "/peer/v1/messages"), path(HttpMethod.GET, "/peer/v1/keys"))
				.permitAll()
				.anyRequest().denyAll())
			// Nothing else is here, for anyone: no login is offered, the answer is 404.
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint((request, response, refused) -> problems.write(request, response,
						HttpStatus.NOT_FOUND, "No such operation of the peer endpoint."))
				.accessDeniedHandler((request, response, refused) -> problems.write(request, response,
						HttpStatus.NOT_FOUND, "No such operation of the peer endpoint.")))
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
			.build();
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
					path("/audit/**"), path("/statistics"), path("/statistics/**"), path("/transnational"),
					path("/transnational/**"), path("/login"), path("/logout"), path("/pages/**")))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(path("/login"), path("/pages/**")).permitAll()
				.requestMatchers(path("/audit"), path("/audit/**")).hasRole(Role.AUDITOR.name())
				.requestMatchers(path("/statistics"), path("/statistics/**")).hasAnyRole(STATISTICS_ROLES)
				// Transnational referrals in and out: the national coordinator, the country's focal point.
				.requestMatchers(path("/transnational"), path("/transnational/**")).hasRole(Role.COORDINATOR.name())
				.anyRequest().hasRole(Role.SUPERVISOR.name()))
			.authenticationManager(authenticationManager)
			.formLogin(form -> form.loginPage("/login").successHandler(WebSecurityConfiguration::landing).permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; frame-ancestors 'none'; "
						+ "object-src 'none'; base-uri 'self'; form-action 'self'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
			.addFilterAfter(new EngineIdentityFilter(identityService), AuthorizationFilter.class)
			.build();
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
			IdentityService identityService, ObjectMapper objectMapper) throws Exception {
		ProblemResponses problems = new ProblemResponses(objectMapper);
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
				// Every transnational referral in and out: the national coordinator (a case's own list is under /api/cases).
				.requestMatchers(path("/api/transnational/**")).hasRole(Role.COORDINATOR.name())
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
