package org.opennrm.security.internal;

import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.opennrm.security.NrmUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sign-in through the identity provider (OpenID Connect, Spring Security's OAuth2 login, ADR 21), and sign-out from it.
 * After the provider's ID token has been checked (signature, issuer, audience, nonce), the session holds our own user,
 * made from its claims by {@link ProviderUsers}, not the provider's principal: the same {@link NrmUser} as for a
 * password sign-in, so the pages, the webapps and the engine see one kind of user. The ID token stays with it for
 * sign-out, which ends the session here and then at the provider (RP-initiated logout).
 */
class ProviderSignIn implements AuthenticationSuccessHandler, LogoutSuccessHandler {

	private static final Logger log = LoggerFactory.getLogger(ProviderSignIn.class);

	private final ProviderUsers users;

	private final SignInSessions sessions;

	private final ClientRegistrationRepository registrations;

	ProviderSignIn(ProviderUsers users, SignInSessions sessions, ClientRegistrationRepository registrations) {
		this.users = users;
		this.sessions = sessions;
		this.registrations = registrations;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
		if (!(token.getPrincipal() instanceof OidcUser oidc)) {
			SignInSessions.endThis(request);
			response.sendRedirect(request.getContextPath() + "/login?error");
			return;
		}
		NrmUser user;
		try {
			user = this.users.of(oidc.getClaims());
		}
		catch (AuthenticationException ex) {
			log.warn("Refused a provider sign-in: {}", ex.getMessage());
			SignInSessions.endThis(request);
			response.sendRedirect(request.getContextPath() + "/login?error");
			return;
		}
		UsernamePasswordAuthenticationToken signedIn = (UsernamePasswordAuthenticationToken) IdentityStoreAuthenticationProvider
			.signedIn(user);
		signedIn.setDetails(new ProviderSession(token.getAuthorizedClientRegistrationId(),
				oidc.getIdToken().getTokenValue()));
		this.sessions.complete(request, response, signedIn, SignInSessions.PROVIDER);
		SignInSessions.land(request, response, user);
	}

	/** After the session here has ended: to the provider's end-session endpoint if there is one, then back here. */
	@Override
	public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		String signedOut = UriComponentsBuilder.fromUriString(request.getRequestURL().toString())
			.replacePath(request.getContextPath() + "/login")
			.replaceQuery("signedOut")
			.build()
			.toUriString();
		if (authentication != null && authentication.getDetails() instanceof ProviderSession provider) {
			ClientRegistration registration = this.registrations.findByRegistrationId(provider.registrationId());
			Object endSession = registration == null ? null
					: registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
			if (endSession != null) {
				response.sendRedirect(endSession + (endSession.toString().contains("?") ? "&" : "?") + "id_token_hint="
						+ encode(provider.idToken()) + "&client_id=" + encode(registration.getClientId())
						+ "&post_logout_redirect_uri=" + encode(signedOut));
				return;
			}
		}
		response.sendRedirect(signedOut);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** Which provider signed the user in, and its ID token for signing out there. */
	record ProviderSession(String registrationId, String idToken) implements Serializable {
	}
}
