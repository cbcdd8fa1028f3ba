package org.opennrm.security.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How people sign in (ADR 21, 22). Safe defaults in {@code application.yml}; secrets only from the environment.
 *
 * @param secondFactor the second factor of the built-in identity store
 * @param sessions time-outs and revalidation of page and webapp sessions
 * @param httpBasic HTTP Basic on the API (the embedded default only)
 * @param provider an OpenID Connect provider, when one is configured
 */
@ConfigurationProperties("nrm.security.sign-in")
record SignInProperties(SecondFactor secondFactor, Sessions sessions, HttpBasic httpBasic, Provider provider) {

	SignInProperties {
		secondFactor = secondFactor == null ? new SecondFactor(null, "OpenNRM", 5, Duration.ofMinutes(15), 10,
				Duration.ofMinutes(5), null, null, false) : secondFactor;
		sessions = sessions == null ? new Sessions(Duration.ofHours(10), Duration.ofSeconds(5)) : sessions;
		httpBasic = httpBasic == null ? new HttpBasic(false, false, Duration.ofSeconds(5)) : httpBasic;
		provider = provider == null ? new Provider(null, null, null, null, null, null, null) : provider;
	}

	/**
	 * @param requiredFor the engine groups whose members must use a second factor to sign in
	 * @param issuer the name authenticator apps show
	 * @param maxFailures wrong or replayed codes in a row that start a lockout
	 * @param lockout how long a lockout lasts
	 * @param recoveryCodes how many single-use recovery codes an enrolment gives
	 * @param pendingSignIn how long a password stays good while the second factor is awaited
	 * @param keyset the Tink JSON keyset that seals the enrolment keys (environment: {@code NRM_SIGNIN_KEYSET})
	 * @param keysetFile or a file holding it
	 * @param generateKeyset whether to generate a missing keyset (demo and tests only)
	 */
	record SecondFactor(Set<String> requiredFor, @DefaultValue("OpenNRM") String issuer,
			@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockout,
			@DefaultValue("10") int recoveryCodes, @DefaultValue("5m") Duration pendingSignIn, String keyset,
			String keysetFile, @DefaultValue("false") boolean generateKeyset) {

		SecondFactor {
			requiredFor = requiredFor == null ? Set.of() : Set.copyOf(requiredFor);
			if (maxFailures < 1 || recoveryCodes < 1) {
				throw new IllegalArgumentException("nrm.security.sign-in.second-factor: max-failures and recovery-codes "
						+ "must be at least 1");
			}
		}
	}

	/**
	 * @param absoluteTimeout how long a session lasts after sign-in, however active (the idle time-out is
	 *        {@code server.servlet.session.timeout})
	 * @param revalidateEvery how often a session's user and groups are checked against the identity store
	 */
	record Sessions(@DefaultValue("10h") Duration absoluteTimeout, @DefaultValue("5s") Duration revalidateEvery) {
	}

	/**
	 * @param enabled whether the API takes HTTP Basic (user and password on every call): the embedded default only
	 * @param withoutSecondFactor whether Basic serves users whose role needs a second factor (it cannot ask for one):
	 *        the demo profile only
	 * @param remember how long a successful sign-in is kept, so that the next calls with the same user and password
	 *        skip the identity store; a change on another node takes effect within it (on this node at once); zero
	 *        checks every call; at most a minute
	 */
	record HttpBasic(@DefaultValue("false") boolean enabled, @DefaultValue("false") boolean withoutSecondFactor,
			@DefaultValue("5s") Duration remember) {

		HttpBasic {
			if (remember.isNegative() || remember.compareTo(Duration.ofMinutes(1)) > 0) {
				throw new IllegalArgumentException("nrm.security.sign-in.http-basic.remember must be between 0s and 1m");
			}
		}
	}

	/**
	 * @param registrationId the {@code spring.security.oauth2.client.registration} to sign in with; empty: no provider
	 * @param userIdClaim the claim that holds the user id (a user id of our alphabet, ADR 2)
	 * @param groupsClaim the claim that holds the user's groups (a list of strings)
	 * @param groups the provider's group names (as the claim writes them) mapped to our engine groups; a group not
	 *        named here grants nothing
	 * @param scopes the API's scopes: each opens the request patterns listed ({@code GET /api/tasks/**}, or a path
	 *        pattern for every method); a token opens only what its scopes open, and never more than its user's roles
	 * @param introspectionCache how long an API token's introspection answer is kept (revocation takes effect within
	 *        it); zero asks the provider on every request; at most a minute
	 * @param passwordSignIn whether the sign-in page also offers the built-in store's password form
	 */
	record Provider(String registrationId, String userIdClaim, String groupsClaim, Map<String, String> groups,
			Map<String, List<String>> scopes, Duration introspectionCache, Boolean passwordSignIn) {

		Provider {
			userIdClaim = userIdClaim == null ? "preferred_username" : userIdClaim;
			groupsClaim = groupsClaim == null ? "groups" : groupsClaim;
			groups = groups == null ? Map.of() : Map.copyOf(groups);
			scopes = scopes == null ? Map.of() : Map.copyOf(scopes);
			introspectionCache = introspectionCache == null ? Duration.ofSeconds(10) : introspectionCache;
			if (introspectionCache.isNegative() || introspectionCache.compareTo(Duration.ofMinutes(1)) > 0) {
				throw new IllegalArgumentException(
						"nrm.security.sign-in.provider.introspection-cache must be between 0s and 1m");
			}
			passwordSignIn = passwordSignIn == null ? Boolean.TRUE : passwordSignIn;
		}

		boolean isConfigured() {
			return this.registrationId != null && !this.registrationId.isBlank();
		}
	}
}
