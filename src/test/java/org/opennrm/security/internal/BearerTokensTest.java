package org.opennrm.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.opennrm.test.SettableClock;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/**
 * API tokens' checks with the introspection answer kept: the provider is asked again once the time is up, once the
 * token itself expires, and whenever it said no; nothing is kept when the provider cannot answer, at {@code 0s}, or
 * beyond the bound. The decoder and the provider here are the test's own, each counting how often it is asked.
 */
class BearerTokensTest {

	private static final Duration CACHE = Duration.ofSeconds(10);

	private final SettableClock clock = new SettableClock(Instant.parse("2026-12-07T10:00:00Z"));

	/** Tokens the provider has revoked. */
	private final Set<String> revoked = new HashSet<>();

	private final AtomicInteger decoded = new AtomicInteger();

	private final AtomicInteger introspected = new AtomicInteger();

	/** Each token's expiry, as the JWT carries it; a token not named here expires in an hour. */
	private final Map<String, Instant> expiries = new HashMap<>();

	private boolean providerDown;

	/** Runs once inside the next introspection, before the provider answers it. */
	private Runnable meanwhile;

	@Test
	void a_token_checked_is_not_asked_of_the_provider_again_within_the_time() {
		BearerTokens.Checking checking = checking(CACHE);

		Jwt first = checking.decode("token-a");
		this.clock.advance(CACHE.minusMillis(1));
		Jwt second = checking.decode("token-a");

		assertThat(second).isSameAs(first);
		assertThat(this.introspected).hasValue(1);
		this.clock.advance(Duration.ofMillis(1));
		checking.decode("token-a");
		assertThat(this.introspected).as("asked again once the time is up").hasValue(2);
		assertThat(this.decoded).hasValue(2);
	}

	@Test
	void a_token_that_expires_before_the_time_is_up_is_checked_again_when_it_does() {
		this.expiries.put("short", this.clock.instant().plusSeconds(3));
		BearerTokens.Checking checking = checking(CACHE);

		checking.decode("short");
		this.clock.advance(Duration.ofSeconds(3).minusMillis(1));
		checking.decode("short");
		assertThat(this.decoded).hasValue(1);

		this.clock.advance(Duration.ofMillis(1));
		assertThatThrownBy(() -> checking.decode("short")).as("the decoder sees it again, and refuses it")
			.isInstanceOf(BadJwtException.class);
		assertThat(this.decoded).hasValue(2);
	}

	@Test
	void a_revoked_token_is_refused_once_the_time_is_up_and_a_refusal_is_never_kept() {
		BearerTokens.Checking checking = checking(CACHE);
		checking.decode("token-b");
		this.revoked.add("token-b");

		this.clock.advance(CACHE);
		assertThatThrownBy(() -> checking.decode("token-b")).isInstanceOf(BadJwtException.class)
			.hasMessage("The token is no longer active");
		assertThatThrownBy(() -> checking.decode("token-b")).isInstanceOf(BadJwtException.class);
		assertThat(this.introspected).hasValue(3);
		assertThat(checking.size()).isZero();
	}

	@Test
	void a_refusal_drops_what_a_request_told_active_meanwhile_kept() {
		// While the provider answers one request, another is told "active" and keeps the token; then the first
		// request is told no. Played in one thread: the first introspection runs the second request.
		BearerTokens.Checking checking = checking(CACHE);
		this.meanwhile = () -> {
			this.meanwhile = null;
			checking.decode("token-e");
			this.revoked.add("token-e");
		};

		assertThatThrownBy(() -> checking.decode("token-e")).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> checking.decode("token-e")).as("the provider is asked again, and says no")
			.isInstanceOf(BadJwtException.class);
		assertThat(this.introspected).hasValue(3);
	}

	@Test
	void when_the_provider_cannot_answer_the_token_is_refused_and_nothing_is_kept() {
		BearerTokens.Checking checking = checking(CACHE);
		this.providerDown = true;

		assertThatThrownBy(() -> checking.decode("token-c")).isInstanceOf(JwtException.class)
			.isNotInstanceOf(BadJwtException.class)
			.hasMessage("The identity provider could not confirm the token");
		assertThat(checking.size()).isZero();

		this.providerDown = false;
		checking.decode("token-c");
		assertThat(this.introspected).hasValue(2);
	}

	@Test
	void at_zero_every_call_asks_the_provider() {
		BearerTokens.Checking checking = checking(Duration.ZERO);

		checking.decode("token-d");
		checking.decode("token-d");

		assertThat(this.introspected).hasValue(2);
		assertThat(checking.size()).isZero();
	}

	@Test
	void the_answers_kept_are_bounded_even_when_none_has_expired() {
		BearerTokens.Checking checking = checking(CACHE);

		for (int i = 0; i < BearerTokens.BOUND + 500; i++) {
			checking.decode("live-" + i);
		}

		assertThat(checking.size()).isEqualTo(BearerTokens.BOUND);
		this.clock.advance(CACHE);
		assertThat(checking.size()).as("the expired go").isZero();
	}

	private BearerTokens.Checking checking(Duration cache) {
		JwtDecoder decoder = token -> {
			this.decoded.incrementAndGet();
			Instant issued = this.clock.instant();
			Instant expires = this.expiries.getOrDefault(token, issued.plusSeconds(3600));
			if (!expires.isAfter(issued)) {
				throw new BadJwtException("expired");
			}
			return Jwt.withTokenValue(token).header("alg", "RS256").subject("officer").issuedAt(issued)
				.expiresAt(expires).build();
		};
		OpaqueTokenIntrospector introspector = token -> {
			this.introspected.incrementAndGet();
			if (this.meanwhile != null) {
				this.meanwhile.run();
			}
			if (this.providerDown) {
				throw new OAuth2IntrospectionException("connection refused");
			}
			if (this.revoked.contains(token)) {
				throw new BadOpaqueTokenException("inactive");
			}
			return (OAuth2AuthenticatedPrincipal) null;
		};
		return new BearerTokens.Checking(decoder, introspector, cache, this.clock, this.clock.ticker());
	}
}
