package org.opennrm.security.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.opennrm.security.NrmUser;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * For benchmarks only, never in the service: the baseline of "no authentication check at all". A request carrying
 * {@value #HEADER} runs as the user it names, unchecked, with the groups the identity store had for them when first
 * named; everything after authentication (the roles' rules, the engine identity, the API) is the same as for any
 * request. Registered explicitly by a benchmark's service run as a source; not annotated, so no scan finds it.
 */
public class UncheckedCallerForBenchmarks {

	public static final String HEADER = "X-Bench-Unchecked-User";

	@Bean
	@Order(0)
	SecurityFilterChain uncheckedForBenchmarks(HttpSecurity http, IdentityService identityService) throws Exception {
		Map<String, Set<String>> groups = new ConcurrentHashMap<>();
		return http.securityMatcher(request -> request.getHeader(HEADER) != null)
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new OncePerRequestFilter() {
				@Override
				protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
						FilterChain chain) throws ServletException, IOException {
					String userId = request.getHeader(HEADER);
					NrmUser user = new NrmUser(userId, groups.computeIfAbsent(userId,
							id -> IdentityStoreAuthenticationProvider.groupsOf(identityService, id)));
					SecurityContext context = SecurityContextHolder.createEmptyContext();
					context.setAuthentication(IdentityStoreAuthenticationProvider.signedIn(user));
					SecurityContextHolder.setContext(context);
					chain.doFilter(request, response);
				}
			}, AuthorizationFilter.class)
			.addFilterAfter(new EngineIdentityFilter(identityService), AuthorizationFilter.class)
			.build();
	}
}
