package org.opennrm.security.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.opennrm.i18n.Texts;
import org.opennrm.platform.OperatorFiles;
import org.opennrm.security.MobileTeams;
import org.opennrm.security.NrmUser;
import org.opennrm.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.HeaderWriterLogoutHandler;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.header.writers.ClearSiteDataHeaderWriter.Directive;
import org.springframework.security.web.header.writers.ClearSiteDataHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what over HTTP. Deny by default: only the health endpoint, the sign-in page and what the engine API
 * surface opens before sign-in are open.
 * <ul>
 * <li>{@code /camunda/**}: Tasklist, Cockpit and Admin. They are signed in by our own sign-in (ADR 21): a session from
 * the sign-in page (the built-in store's password, and a second factor where the role needs one) or from the identity
 * provider; {@link WebappSignIn} hands that user to the webapps for each request. Their own password login is closed.
 * Which operations of their APIs each role may call is decided inside those APIs ({@link EngineOperationGuard}).</li>
 * <li>{@code /oversight/**}, {@code /audit/**}, {@code /statistics/**}, {@code /transnational/**}, {@code /field/**}
 * (the mobile teams' field page), {@code /account/**} and the sign-in pages: pages of the service, the same session, CSRF tokens on every form; each for its roles only. {@code POST /language}, the
 * pages' language switch, is open to anyone with the CSRF token of their page (before sign-in it only sets a
 * cookie).</li>
 * <li>{@code /peer/**}: the peer endpoint, where other instances of this service deliver transnational referrals. Its
 * caller is another instance, not a user: it authenticates by the message's signature, which the endpoint checks
 * before anything else, so this chain has no login, no session and no engine identity, lets exactly two operations
 * through (deliver a message, read this instance's public keys) and refuses everything else.</li>
 * <li>Everything else (our API, the engine REST API, the API description, metrics): stateless. Bearer tokens from the
 * identity provider where one is configured (scopes narrow what a token opens); HTTP Basic against the identity store
 * in the embedded default only. The engine's authenticated identity is set for the request. The engine REST API is
 * opened operation by operation, like the webapps' ({@link EngineOperationGuard}).</li>
 * </ul>
 * Every session is checked on each request ({@link SessionControl}): absolute time-out, and revalidation of the user
 * and groups, ending all of a user's sessions when they change (ADR 22).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
@EnableConfigurationProperties(SignInProperties.class)
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

	/**
	 * No observations by Spring Security itself. With them, every request started two observations and sent an event
	 * before and after each filter of the chain, and every authorization decision one more: 7 % of the request
	 * threads' CPU in the throughput benchmark. Operators keep {@code http.server.requests} in the metrics (by route
	 * for our API, by status for every request, refusals of the chain and the engine's APIs included), and sign-ins
	 * and failed sign-ins in the audit trail.
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/** Spring Security's chain without Spring MVC's handler lookup in front of it. */
	@Bean
	static BeanFactoryPostProcessor mvcLookupLeftOut() {
		return new MvcLookupLeftOut();
	}

	/**
	 * The API's HTTP Basic: password only, so users whose role needs a second factor are refused there. A successful
	 * sign-in is kept for {@code http-basic.remember}.
	 */
	@Bean
	AuthenticationManager authenticationManager(IdentityService identityService, ApplicationEventPublisher events,
			SecondFactors secondFactors, SignInProperties properties, RecentApiSignIns recentApiSignIns) {
		return new ProviderManager(new IdentityStoreAuthenticationProvider(identityService, events, secondFactors,
				properties.httpBasic().withoutSecondFactor(), recentApiSignIns));
	}

	/** Static: an engine plugin, made before the engine, which this configuration needs. */
	@Bean
	static RecentApiSignIns recentApiSignIns(SignInProperties properties) {
		return new RecentApiSignIns(properties.httpBasic().remember(), Ticker.systemTicker());
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

	/**
	 * API tokens' lifetimes are checked without the resource server's default minute of grace: an expired token is
	 * refused once {@code clock-skew} has passed (added to the provider's issuer and audience checks).
	 */
	@Bean
	OAuth2TokenValidator<Jwt> tokenLifetime(@Value("${nrm.security.sign-in.provider.clock-skew:30s}") java.time.Duration skew) {
		return new JwtTimestampValidator(skew);
	}

	@Bean
	ProviderUsers providerUsers(SignInProperties properties, IdentityService identityService) {
		return new ProviderUsers(properties.provider(), identityService);
	}

	/** The signed-in user of our own sign-in: password (and second factor), or the provider. Not a pending sign-in. */
	static final AuthorizationManager<RequestAuthorizationContext> SIGNED_IN = (authentication,
			context) -> new AuthorizationDecision(authentication.get().getPrincipal() instanceof NrmUser);

	/** Password given, second factor to come. */
	static final AuthorizationManager<RequestAuthorizationContext> PENDING = (authentication,
			context) -> new AuthorizationDecision(authentication.get() instanceof PendingSignIn);

	/** A pending sign-in is sent on to its next step; anyone else refused gets the usual 403. */
	private static AccessDeniedHandler pendingGoesOn() {
		AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
		return (request, response, denied) -> {
			Authentication authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
				.getAuthentication();
			if (authentication instanceof PendingSignIn pending && "GET".equals(request.getMethod())) {
				response.sendRedirect(request.getContextPath()
						+ (pending.step() == PendingSignIn.Step.CODE ? "/login/code" : "/login/enrol"));
				return;
			}
			forbidden.handle(request, response, denied);
		};
	}

	/**
	 * The peer endpoint (transnational referral, ADR 25): another instance, authenticated by its message's signature,
	 * not by a user's password. Deny by default: only delivering a message and reading the public keys are open here.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain peers(HttpSecurity http, ObjectMapper objectMapper, Texts texts) throws Exception {
		ProblemResponses problems = new ProblemResponses(objectMapper, texts, null);
		return http.securityMatcher(path("/peer/**"))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(path(HttpMethod.POST, "/peer/v1/messages"), path(HttpMethod.GET, "/peer/v1/keys"))
				.permitAll()
				.anyRequest().denyAll())
			// Nothing else is here, for anyone: no login is offered, the answer is 404.
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint((request, response, refused) -> problems.write(request, response,
						HttpStatus.NOT_FOUND, "problem.peer.noSuchOperation"))
				.accessDeniedHandler((request, response, refused) -> problems.write(request, response,
						HttpStatus.NOT_FOUND, "problem.peer.noSuchOperation")))
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
	SecurityFilterChain webapps(HttpSecurity http, IdentityService identityService, ProcessEngine engine,
			SignInSessions sessions, SignInProperties properties, ObjectMapper objectMapper, Texts texts)
			throws Exception {
		HttpSessionRequestCache returnTo = new HttpSessionRequestCache();
		returnTo.setRequestMatcher(path(HttpMethod.GET, "/camunda/app/**"));
		ProblemResponses problems = new ProblemResponses(objectMapper, texts, null);
		// The webapps run their own CSRF protection and security headers (see application.yml).
		return http.securityMatcher(new OrRequestMatcher(path("/camunda/**"), path("/camunda-welcome/**")))
			.authorizeHttpRequests(requests -> requests
				// Which operations of their APIs are open, and to whom, is decided inside those APIs, on the operation
				// they resolved (EngineOperationGuard and config/engine-api.yml): 401 there before signing in.
				.requestMatchers(path("/camunda/api/**")).permitAll()
				// The apps themselves only for a signed-in user; anyone else signs in first and comes back.
				.anyRequest().access(SIGNED_IN))
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()).cacheControl(cache -> cache.disable()))
			.requestCache(cache -> cache.requestCache(returnTo))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
			// The webapps' own "log out" (an XHR of theirs) ends our session too; SameSite=Strict keeps it same-site.
			.logout(logout -> logout.logoutRequestMatcher(path(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout"))
				.logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler()))
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
				.accessDeniedHandler(pendingGoesOn()))
			.addFilterBefore(new SessionControl(identityService, sessions, properties, problems, Clock.systemUTC()),
					AuthorizationFilter.class)
			.addFilterAfter(new WebappSignIn(engine, properties), AuthorizationFilter.class)
			// Each page's CSP nonce its own. Anywhere in this chain will do: the webapps' filters, which read and
			// write the nonce, all come after it.
			.addFilterBefore(new RequestScopedCspNonce(), DisableEncodeUrlFilter.class)
			.build();
	}

	/**
	 * The service's own pages and the sign-in: a session from the sign-in page or the provider, CSRF protection on, no
	 * script or style from anywhere else.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, IdentityService identityService, ApplicationEventPublisher events,
			SecondFactors secondFactors, SignInSessions sessions, SignInProperties properties,
			ObjectProvider<ClientRegistrationRepository> registrations, ProviderUsers providerUsers,
			ObjectMapper objectMapper, Texts texts) throws Exception {
		ClientRegistrationRepository clients = properties.provider().isConfigured() ? registrations.getIfAvailable()
				: null;
		if (properties.provider().isConfigured() && (clients == null
				|| clients.findByRegistrationId(properties.provider().registrationId()) == null)) {
			throw new IllegalStateException("nrm.security.sign-in.provider.registration-id names no "
					+ "spring.security.oauth2.client.registration");
		}
		ProviderSignIn provider = clients == null ? null : new ProviderSignIn(providerUsers, sessions, clients);
		boolean passwordForm = clients == null || properties.provider().passwordSignIn();
		http.securityMatcher(new OrRequestMatcher(path("/oversight"), path("/oversight/**"), path("/audit"),
				path("/audit/**"), path("/statistics"), path("/statistics/**"), path("/login"), path("/login/**"),
				path("/logout"), path("/signout"), path("/account"), path("/account/**"), path("/pages/**"),
				path("/oauth2/**"), path("/transnational"), path("/transnational/**"), path("/field"), path("/field/**"),
				path(HttpMethod.POST, "/language")))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(path("/login"), path("/pages/**"), path("/oauth2/**"), path("/login/oauth2/**"),
						path(HttpMethod.POST, "/language"))
				.permitAll()
				.requestMatchers(path("/login/code"), path("/login/enrol"), path("/login/enrol/**")).access(PENDING)
				.requestMatchers(path("/signout"), path("/logout")).authenticated()
				.requestMatchers(path("/account/second-factors/**")).hasRole(Role.ADMIN.name())
				.requestMatchers(path("/account"), path("/account/**")).access(SIGNED_IN)
				.requestMatchers(path("/audit"), path("/audit/**")).hasRole(Role.AUDITOR.name())
				.requestMatchers(path("/statistics"), path("/statistics/**")).hasAnyRole(STATISTICS_ROLES)
				// Transnational referrals in and out: the national coordinator, the country's focal point.
				.requestMatchers(path("/transnational"), path("/transnational/**")).hasRole(Role.COORDINATOR.name())
				// The field page: members of a mobile identification team, whatever their agency.
				.requestMatchers(path("/field"), path("/field/**")).access(WebSecurityConfiguration::teamMember)
				.anyRequest().hasRole(Role.SUPERVISOR.name()))
			.logout(logout -> logout.logoutUrl("/logout")
				.logoutSuccessHandler(provider != null ? provider
						: (request, response, authentication) -> response
							.sendRedirect(request.getContextPath() + "/login?signedOut"))
				// Nothing of the session stays in the browser after signing out, on a shared or lost phone too.
				.addLogoutHandler(new HeaderWriterLogoutHandler(
						new ClearSiteDataHeaderWriter(Directive.CACHE, Directive.STORAGE))))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
				.accessDeniedHandler(pendingGoesOn()))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; frame-ancestors 'none'; "
						+ "object-src 'none'; base-uri 'self'; form-action 'self'"
						+ (clients == null ? "" : " " + formActionOf(clients, properties))))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
			.addFilterBefore(new SessionControl(identityService, sessions, properties,
					new ProblemResponses(objectMapper, texts, null), Clock.systemUTC()), AuthorizationFilter.class)
			.addFilterAfter(new EngineIdentityFilter(identityService), AuthorizationFilter.class);
		// One manager for the page's sign-ins, of its own (no parent: the API's HTTP Basic provider must not check the
		// password a second time): the password step, and the provider's authorization code with its ID token.
		List<org.springframework.security.authentication.AuthenticationProvider> signIns = new java.util.ArrayList<>();
		if (passwordForm) {
			signIns.add(new IdentityStoreAuthenticationProvider(identityService, events, secondFactors));
			http.formLogin(form -> form.loginPage("/login")
				.successHandler(passwordStep(sessions))
				.failureUrl("/login?error")
				.permitAll());
		}
		if (provider != null) {
			signIns.add(new org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider(
					new org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient(),
					new org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService()));
		}
		if (!signIns.isEmpty()) {
			http.authenticationManager(new ProviderManager(signIns));
		}
		if (provider != null) {
			http.oauth2Login(login -> login.loginPage("/login").successHandler(provider).failureHandler((request,
					response, failure) -> {
				// The provider's error code and description (never a token) tell an operator what is misconfigured.
				log.warn("Sign-in through the identity provider failed: {}", failure.getMessage());
				response.sendRedirect(request.getContextPath() + "/login?error");
			}));
		}
		return http.build();
	}

	/** The provider's sign-in and sign-out pages are where our forms' redirects may go. */
	private static String formActionOf(ClientRegistrationRepository clients, SignInProperties properties) {
		var registration = clients.findByRegistrationId(properties.provider().registrationId());
		String authorize = registration.getProviderDetails().getAuthorizationUri();
		java.net.URI uri = java.net.URI.create(authorize);
		return uri.getScheme() + "://" + uri.getAuthority();
	}

	/** After a correct password: the second step where there is one, else signed in. */
	private static AuthenticationSuccessHandler passwordStep(SignInSessions sessions) {
		return (request, response, authentication) -> {
			if (authentication instanceof PendingSignIn pending) {
				response.sendRedirect(request.getContextPath()
						+ (pending.step() == PendingSignIn.Step.CODE ? "/login/code" : "/login/enrol"));
				return;
			}
			sessions.complete(request, response, authentication, "password");
			SignInSessions.land(request, response, (NrmUser) authentication.getPrincipal());
		};
	}

	private static AuthorizationDecision teamMember(Supplier<Authentication> authentication,
			RequestAuthorizationContext context) {
		Authentication current = authentication.get();
		return new AuthorizationDecision(current != null && current.isAuthenticated()
				&& current.getPrincipal() instanceof NrmUser user && !MobileTeams.teamsAmong(user.groupIds()).isEmpty());
	}

	/** Statistics are for the national coordinator and the supervisors. */
	private static final String[] STATISTICS_ROLES = { Role.COORDINATOR.name(), Role.SUPERVISOR.name() };

	@Bean
	@Order(3)
	SecurityFilterChain api(HttpSecurity http, AuthenticationManager authenticationManager,
			IdentityService identityService, ObjectMapper objectMapper, SignInProperties properties,
			ObjectProvider<JwtDecoder> decoders, ObjectProvider<OpaqueTokenIntrospector> introspectors,
			ObjectProvider<OAuth2ResourceServerProperties> resourceServer, ProviderUsers providerUsers, Texts texts)
			throws Exception {
		JwtDecoder decoder = properties.provider().isConfigured() ? decoders.getIfAvailable() : null;
		boolean basic = properties.httpBasic().enabled();
		List<String> challenges = new java.util.ArrayList<>();
		if (decoder != null) {
			challenges.add("Bearer realm=\"" + ProblemResponses.REALM + "\"");
		}
		if (basic) {
			challenges.add("Basic realm=\"" + ProblemResponses.REALM + "\"");
		}
		ProblemResponses problems = new ProblemResponses(objectMapper, texts,
				challenges.isEmpty() ? null : String.join(", ", challenges));
		http.authorizeHttpRequests(requests -> requests
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
			.requestMatchers(path("/engine-rest/**"), path("/api/**"), path("/v3/api-docs"), path("/v3/api-docs/**"),
					path("/swagger-ui/**"), path("/swagger-ui.html"))
			.authenticated()
			.anyRequest().denyAll())
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			// Stateless: no session cookie to ride on, so no CSRF token is needed.
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(
						"default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
			.addFilterAfter(new EngineIdentityFilter(identityService), AuthorizationFilter.class);
		if (basic) {
			http.authenticationManager(authenticationManager)
				.httpBasic(httpBasic -> httpBasic.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems));
		}
		if (decoder != null) {
			OpaqueTokenIntrospector introspector = introspectors.getIfAvailable();
			OAuth2ResourceServerProperties server = resourceServer.getIfAvailable();
			if (introspector == null) {
				throw new IllegalStateException("API tokens need the provider's introspection endpoint, so that a revoked "
						+ "token is refused: set spring.security.oauth2.resourceserver.opaquetoken.introspection-uri, "
						+ "client-id and client-secret");
			}
			if (server == null || server.getJwt().getAudiences().isEmpty()) {
				throw new IllegalStateException("API tokens must name this service as their audience: set "
						+ "spring.security.oauth2.resourceserver.jwt.audiences");
			}
			JwtDecoder checked = BearerTokens.checked(decoder, introspector, properties.provider().introspectionCache());
			JwtAuthenticationProvider tokenProvider = new JwtAuthenticationProvider(checked);
			tokenProvider.setJwtAuthenticationConverter(BearerTokens.converter(providerUsers));
			// A manager of its own: the chain's (HTTP Basic's, where on) knows only the identity store.
			http.oauth2ResourceServer(tokens -> tokens
				.jwt(jwt -> jwt.authenticationManager(new ProviderManager(tokenProvider)))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
				.addFilterAfter(new ApiScopes(properties.provider().scopes(), problems), AuthorizationFilter.class);
		}
		return http.build();
	}
}
