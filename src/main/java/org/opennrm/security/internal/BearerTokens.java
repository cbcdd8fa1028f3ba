package org.opennrm.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.opennrm.security.NrmUser;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/**
 * API clients' bearer tokens from the identity provider (ADR 21). The token is a JWT checked here (signature, issuer,
 * audience, time: Spring's resource server with the provider's keys), and then asked of the provider's introspection
 * endpoint, so that a token revoked there is refused; the answer is kept for {@code introspection-cache}, which bounds
 * how long a revoked token still works. The user and groups come from the token's claims as for a sign-in
 * ({@link ProviderUsers}); the token's scopes go along as the authentication's details and limit the request
 * ({@link ApiScopes}).
 */
final class BearerTokens {

	/** At most this many answers are kept; beyond it Caffeine chooses which go (by how often each was used). */
	static final int BOUND = 10_000;

	private BearerTokens() {
	}

	/** The provider's JWT decoder, then introspection (cached), failing closed when the provider cannot answer. */
	static Checking checked(JwtDecoder decoder, OpaqueTokenIntrospector introspector, Duration cache) {
		return new Checking(decoder, introspector, cache, Clock.systemUTC(), Ticker.systemTicker());
	}

	/** The checks of {@link #checked}, with the answers kept for {@code introspection-cache}. */
	static final class Checking implements JwtDecoder {

		private final JwtDecoder decoder;

		private final OpaqueTokenIntrospector introspector;

		private final Duration cache;

		/** The time the tokens' expiry is compared with. */
		private final Clock clock;

		/** By a digest of the token; expiring by {@code cache} on the ticker's time (not the wall clock's). */
		private final Cache<String, Checked> active;

		Checking(JwtDecoder decoder, OpaqueTokenIntrospector introspector, Duration cache, Clock clock, Ticker ticker) {
			this.decoder = decoder;
			this.introspector = introspector;
			this.cache = cache;
			this.clock = clock;
			this.active = Caffeine.newBuilder().maximumSize(BOUND).expireAfterWrite(cache).ticker(ticker).build();
		}

		@Override
		public Jwt decode(String token) {
			String key = digest(token);
			Instant now = this.clock.instant();
			Checked checked = this.active.getIfPresent(key);
			if (checked != null && checked.until().isAfter(now)) {
				// This very token passed every check, the provider's included, less than introspection-cache ago.
				return checked.jwt();
			}
			Jwt jwt = this.decoder.decode(token);
			try {
				this.introspector.introspect(token);
			}
			catch (BadOpaqueTokenException ex) {
				// A request that was told "active" meanwhile may have kept the token: the provider's later no wins.
				this.active.invalidate(key);
				throw new BadJwtException("The token is no longer active");
			}
			catch (OAuth2IntrospectionException ex) {
				throw new JwtException("The identity provider could not confirm the token");
			}
			if (!this.cache.isZero()) {
				Instant expiry = now.plus(this.cache);
				this.active.put(key, new Checked(jwt, jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(expiry)
						? jwt.getExpiresAt() : expiry));
			}
			return jwt;
		}

		/** How many answers are kept, once the expired and those beyond the bound have gone. */
		long size() {
			this.active.cleanUp();
			return this.active.estimatedSize();
		}
	}

	/** A token that passed every check, good until the earlier of its expiry and the cache's end. */
	private record Checked(Jwt jwt, Instant until) {
	}

	/** The token's user, mirrored, with the token's scopes as details. */
	static Converter<Jwt, AbstractAuthenticationToken> converter(ProviderUsers users) {
		return jwt -> {
			NrmUser user = users.of(jwt.getClaims());
			UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(user,
					null, IdentityStoreAuthenticationProvider.authorities(user));
			authentication.setDetails(new TokenScopes(scopes(jwt)));
			return authentication;
		};
	}

	static Set<String> scopes(Jwt jwt) {
		Object scope = jwt.getClaims().get("scope");
		if (scope instanceof String text) {
			return Set.copyOf(java.util.Arrays.asList(text.trim().split("\\s+")));
		}
		Object scp = scope != null ? scope : jwt.getClaims().get("scp");
		if (scp instanceof Collection<?> values) {
			return Set.copyOf(values.stream().map(String::valueOf).toList());
		}
		return Set.of();
	}

	private static String digest(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The scopes an API token was granted. */
	record TokenScopes(Set<String> scopes) implements java.io.Serializable {

		TokenScopes {
			scopes = Set.copyOf(scopes);
		}

		List<String> sorted() {
			return this.scopes.stream().sorted().toList();
		}
	}
}
