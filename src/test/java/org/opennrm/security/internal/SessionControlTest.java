package org.opennrm.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opennrm.i18n.internal.CatalogueTexts;
import org.opennrm.security.NrmUser;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The session rules of ADR 22 on a clock of the test's own: a session ends a fixed time after its sign-in however busy
 * it is (absolute time-out); a password waiting for its second factor lasts only minutes; a built-in store user whose
 * groups changed loses every session, a provider's user is not checked against the store. A page is sent to sign in
 * again, a webapp API call gets a 401.
 */
class SessionControlTest {

	private static final Instant SIGNED_IN = Instant.parse("2026-12-04T08:00:00Z");

	private static final NrmUser POLICE = new NrmUser("probe-police", Set.of("police"));

	private final IdentityService identityService = mock(IdentityService.class, RETURNS_DEEP_STUBS);

	private final SignInSessions sessions = mock(SignInSessions.class);

	/** Defaults of application.yml: 10 h absolute, revalidated every 5 s, pending sign-in 5 min. */
	private final SignInProperties properties = new SignInProperties(null, null, null, null);

	private final MockHttpSession session = new MockHttpSession();

	@AfterEach
	void clearContext() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void a_busy_session_ends_at_the_absolute_time_out_and_a_page_signs_in_again() throws Exception {
		signedIn(POLICE, "password");
		groupsInStore("police");

		MockHttpServletResponse within = request("GET", "/oversight", SIGNED_IN.plus(Duration.ofHours(9).plusMinutes(59)));
		assertThat(within.getStatus()).isEqualTo(200);
		assertThat(this.session.isInvalid()).isFalse();

		signedIn(POLICE, "password");
		MockHttpServletResponse after = request("GET", "/oversight", SIGNED_IN.plus(Duration.ofHours(10).plusSeconds(1)));
		assertThat(after.getRedirectedUrl()).isEqualTo("/login?ended");
		assertThat(this.session.isInvalid()).isTrue();
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
		// Only this session outlived its sign-in: the user's others keep their own clocks.
		verify(this.sessions, never()).endAll(anyString(), anyString(), anyString());
	}

	@Test
	void a_provider_session_ends_at_the_absolute_time_out_too_and_a_webapp_call_gets_401() throws Exception {
		signedIn(POLICE, SignInSessions.PROVIDER);

		MockHttpServletResponse after = request("GET", "/camunda/api/engine/engine/default/task/count",
				SIGNED_IN.plus(Duration.ofHours(10).plusSeconds(1)));

		assertThat(after.getStatus()).isEqualTo(401);
		assertThat(this.session.isInvalid()).isTrue();
	}

	@Test
	void a_session_without_a_sign_in_time_is_ended() throws Exception {
		SecurityContextHolder.getContext().setAuthentication(IdentityStoreAuthenticationProvider.signedIn(POLICE));

		MockHttpServletResponse response = request("GET", "/oversight", SIGNED_IN);

		assertThat(response.getRedirectedUrl()).isEqualTo("/login?ended");
		assertThat(this.session.isInvalid()).isTrue();
	}

	@Test
	void a_password_waiting_for_its_second_factor_expires_after_a_few_minutes() throws Exception {
		pending(SIGNED_IN);
		assertThat(request("GET", "/login/code", SIGNED_IN.plus(Duration.ofMinutes(4))).getStatus()).isEqualTo(200);

		pending(SIGNED_IN);
		MockHttpServletResponse late = request("GET", "/login/code", SIGNED_IN.plus(Duration.ofMinutes(5).plusSeconds(1)));

		assertThat(late.getRedirectedUrl()).isEqualTo("/login?expired");
		assertThat(this.session.isInvalid()).isTrue();
	}

	@Test
	void a_change_of_groups_in_the_store_ends_every_session_of_the_user() throws Exception {
		signedIn(POLICE, "password");
		groupsInStore("health");

		MockHttpServletResponse response = request("POST", "/camunda/api/engine/engine/default/task",
				SIGNED_IN.plusSeconds(6));

		assertThat(response.getStatus()).isEqualTo(401);
		verify(this.sessions).endAll("probe-police", "groups changed", "system");
	}

	@Test
	void the_store_is_asked_again_only_after_the_revalidation_interval() throws Exception {
		signedIn(POLICE, "password");
		groupsInStore("health");

		MockHttpServletResponse response = request("GET", "/oversight", SIGNED_IN.plusSeconds(4));

		assertThat(response.getStatus()).isEqualTo(200);
		verify(this.sessions, never()).endAll(anyString(), anyString(), anyString());
	}

	@Test
	void a_provider_user_is_not_checked_against_the_store() throws Exception {
		signedIn(POLICE, SignInSessions.PROVIDER);
		groupsInStore();

		MockHttpServletResponse response = request("GET", "/oversight", SIGNED_IN.plus(Duration.ofHours(1)));

		assertThat(response.getStatus()).isEqualTo(200);
		verify(this.sessions, never()).endAll(anyString(), anyString(), anyString());
	}

	private void signedIn(NrmUser user, String method) {
		Authentication authentication = IdentityStoreAuthenticationProvider.signedIn(user);
		SecurityContextHolder.getContext().setAuthentication(authentication);
		this.session.setAttribute(SignInSessions.SIGNED_IN_AT, SIGNED_IN);
		this.session.setAttribute(SignInSessions.CHECKED_AT, SIGNED_IN);
		this.session.setAttribute(SignInSessions.METHOD, method);
	}

	private void pending(Instant passwordAt) {
		SecurityContextHolder.getContext()
			.setAuthentication(new PendingSignIn(POLICE, PendingSignIn.Step.CODE, passwordAt));
	}

	private void groupsInStore(String... groups) {
		when(this.identityService.createUserQuery().userId("probe-police").count()).thenReturn(1L);
		List<Group> found = java.util.Arrays.stream(groups).map(id -> {
			Group group = mock(Group.class);
			when(group.getId()).thenReturn(id);
			return group;
		}).toList();
		when(this.identityService.createGroupQuery().groupMember("probe-police").listPage(0, 500)).thenReturn(found);
	}

	private MockHttpServletResponse request(String method, String path, Instant now) throws Exception {
		SessionControl control = new SessionControl(this.identityService, this.sessions, this.properties,
				new ProblemResponses(new ObjectMapper(), CatalogueTexts.read(), null), Clock.fixed(now, ZoneOffset.UTC));
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setSession(this.session);
		MockHttpServletResponse response = new MockHttpServletResponse();
		control.doFilter(request, response, new MockFilterChain());
		return response;
	}
}
