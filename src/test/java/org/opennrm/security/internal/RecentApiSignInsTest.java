package org.opennrm.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opennrm.security.NrmUser;
import org.opennrm.test.InMemoryEngines;
import org.opennrm.test.SettableClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The API's HTTP Basic sign-ins kept for a few seconds, on a real engine with the plugin: a kept sign-in spares the
 * identity store, and nothing kept outlives its time, a failed password, or a change of the store through the engine.
 * One engine for the class; each test has users of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecentApiSignInsTest {

	private static final String PASSWORD = "Xk7#vQ2-pL9!mZ";

	private static final Duration REMEMBER = Duration.ofSeconds(5);

	private static final Instant START = Instant.parse("2026-12-06T10:00:00Z");

	private final SettableClock clock = new SettableClock(START);

	private final RecentApiSignIns recent = new RecentApiSignIns(REMEMBER, this.clock.ticker());

	private final ProcessEngine engine = InMemoryEngines.withPlugin("recent-api-sign-ins", this.recent);

	private final IdentityService store = spy(this.engine.getIdentityService());

	private final SecondFactors secondFactors = mock(SecondFactors.class);

	private final IdentityStoreAuthenticationProvider provider = new IdentityStoreAuthenticationProvider(this.store,
			mock(ApplicationEventPublisher.class), this.secondFactors, false, this.recent);

	@BeforeEach
	void nothingKept() {
		this.recent.forgetAll();
		// As in the demo: supervisors sign in with a second factor.
		when(this.secondFactors.isRequiredFor(argThat(groups -> groups != null && groups.contains("supervisor"))))
			.thenReturn(true);
	}

	@AfterAll
	void closeEngine() {
		this.engine.close();
	}

	@Test
	void a_second_call_within_the_time_is_answered_without_the_identity_store() {
		officer("officer1", "police");

		Authentication first = signIn("officer1", PASSWORD);
		this.clock.advance(REMEMBER.minusMillis(1));
		Authentication second = signIn("officer1", PASSWORD);

		assertThat(groups(second)).containsExactly("police");
		assertThat(second.getPrincipal()).isEqualTo(first.getPrincipal());
		verify(this.store, times(1)).checkPassword("officer1", PASSWORD);
		verify(this.store, times(1)).createGroupQuery();
	}

	@Test
	void after_the_time_the_identity_store_is_asked_again() {
		officer("officer2", "police");
		signIn("officer2", PASSWORD);

		this.clock.advance(REMEMBER);
		signIn("officer2", PASSWORD);

		verify(this.store, times(2)).checkPassword("officer2", PASSWORD);
	}

	@Test
	void another_password_is_checked_and_its_failure_drops_what_was_kept() {
		officer("officer3", "police");
		signIn("officer3", PASSWORD);

		assertThatThrownBy(() -> signIn("officer3", PASSWORD + "x")).isInstanceOf(BadCredentialsException.class);

		assertThat(this.recent.attempt("officer3", PASSWORD).known()).isNull();
		// Whatever the engine's login throttling answers now, it is asked.
		catchThrowable(() -> signIn("officer3", PASSWORD));
		verify(this.store, times(2)).checkPassword("officer3", PASSWORD);
	}

	@Test
	void a_failed_password_drops_only_what_was_kept_for_its_user() {
		// Two users, and a stranger, of different stripes: a user sharing a stripe with a failure is asked again too.
		String kept = "officer16";
		String failing = outsideTheStripeOf(kept, "officer17x");
		String stranger = outsideTheStripeOf(kept, "nobody");
		officer(kept, "police");
		officer(failing, "police");
		signIn(kept, PASSWORD);
		signIn(failing, PASSWORD);

		assertThatThrownBy(() -> signIn(failing.toUpperCase(Locale.ROOT), PASSWORD + "x"))
			.isInstanceOf(BadCredentialsException.class);
		assertThatThrownBy(() -> signIn(stranger, PASSWORD)).isInstanceOf(BadCredentialsException.class);

		signIn(kept, PASSWORD);
		verify(this.store, times(1)).checkPassword(kept, PASSWORD);
		catchThrowable(() -> signIn(failing, PASSWORD));
		verify(this.store, times(2)).checkPassword(failing, PASSWORD);
	}

	@Test
	void a_check_that_began_before_a_failed_password_is_not_kept() {
		officer("officer18", "police");
		RecentApiSignIns.Attempt attempt = this.recent.attempt("officer18", PASSWORD);

		assertThatThrownBy(() -> signIn("officer18", PASSWORD + "x")).isInstanceOf(BadCredentialsException.class);
		this.recent.remember(attempt, new NrmUser("officer18", Set.of("police")));

		assertThat(this.recent.attempt("officer18", PASSWORD).known()).isNull();
	}

	@Test
	void a_failed_password_on_the_sign_in_page_drops_what_the_api_kept() {
		officer("officer11", "police");
		signIn("officer11", PASSWORD);
		IdentityStoreAuthenticationProvider page = new IdentityStoreAuthenticationProvider(this.store,
				mock(ApplicationEventPublisher.class), this.secondFactors);

		assertThatThrownBy(() -> page.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("officer11",
				PASSWORD + "x"))).isInstanceOf(BadCredentialsException.class);

		assertThat(this.recent.attempt("officer11", PASSWORD).known()).isNull();
	}

	@Test
	void joining_a_group_that_needs_a_second_factor_refuses_the_next_call() {
		officer("officer12", "police");
		signIn("officer12", PASSWORD);
		IdentityService identity = this.engine.getIdentityService();
		if (identity.createGroupQuery().groupId("supervisor").count() == 0) {
			identity.saveGroup(identity.newGroup("supervisor"));
		}

		identity.createMembership("officer12", "supervisor");

		assertThatThrownBy(() -> signIn("officer12", PASSWORD))
			.isInstanceOf(IdentityStoreAuthenticationProvider.SecondFactorRequired.class);
	}

	@Test
	void a_deleted_group_is_gone_at_the_next_call() {
		officer("officer13", "ngo");
		signIn("officer13", PASSWORD);

		this.engine.getIdentityService().deleteGroup("ngo");

		assertThat(groups(signIn("officer13", PASSWORD))).isEmpty();
	}

	@Test
	void leaving_a_group_through_the_engine_takes_effect_at_the_next_call() {
		officer("officer4", "police");
		officer("officer5", "social");
		signIn("officer4", PASSWORD);
		signIn("officer5", PASSWORD);

		this.engine.getIdentityService().deleteMembership("officer4", "police");

		assertThat(groups(signIn("officer4", PASSWORD))).isEmpty();
		// Every kept sign-in goes, not only the changed user's: changes to the store are rare.
		clearInvocations(this.store);
		signIn("officer5", PASSWORD);
		verify(this.store).checkPassword("officer5", PASSWORD);
	}

	@Test
	void a_deleted_user_is_refused_at_the_next_call() {
		officer("officer6", "police");
		signIn("officer6", PASSWORD);

		this.engine.getIdentityService().deleteUser("officer6");

		assertThatThrownBy(() -> signIn("officer6", PASSWORD)).isInstanceOf(BadCredentialsException.class);
	}

	@Test
	void a_new_password_takes_effect_at_the_next_call() {
		officer("officer7", "police");
		signIn("officer7", PASSWORD);

		User user = this.engine.getIdentityService().createUserQuery().userId("officer7").singleResult();
		user.setPassword(PASSWORD + "-new");
		this.engine.getIdentityService().saveUser(user);

		assertThat(groups(signIn("officer7", PASSWORD + "-new"))).containsExactly("police");
		assertThatThrownBy(() -> signIn("officer7", PASSWORD)).isInstanceOf(BadCredentialsException.class);
	}

	@Test
	void a_check_that_began_before_a_change_is_not_kept() {
		officer("officer8", "police");
		RecentApiSignIns.Attempt attempt = this.recent.attempt("officer8", PASSWORD);

		this.engine.getIdentityService().deleteMembership("officer8", "police");
		this.recent.remember(attempt, new NrmUser("officer8", Set.of("police")));

		assertThat(this.recent.size()).isZero();
		assertThat(groups(signIn("officer8", PASSWORD))).isEmpty();
	}

	@Test
	void a_change_inside_a_callers_transaction_forgets_again_when_that_transaction_ends() {
		officer("officer15", "police");
		TransactionSynchronizationManager.initSynchronization();
		try {
			this.engine.getIdentityService().deleteMembership("officer15", "police");
			// Until the caller's transaction ends, a check may still read the store as it was.
			RecentApiSignIns.Attempt during = this.recent.attempt("officer15", PASSWORD);
			for (TransactionSynchronization ending : TransactionSynchronizationManager.getSynchronizations()) {
				ending.afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
			}
			this.recent.remember(during, new NrmUser("officer15", Set.of("police")));
		}
		finally {
			TransactionSynchronizationManager.clearSynchronization();
		}

		assertThat(this.recent.size()).isZero();
	}

	@Test
	void a_failed_password_inside_a_transaction_forgets_its_user_again_when_that_transaction_ends() {
		officer("officer19", "police");
		TransactionSynchronizationManager.initSynchronization();
		try {
			assertThat(this.engine.getIdentityService().checkPassword("officer19", PASSWORD + "x")).isFalse();
			// Until the transaction ends, a check may still read the user as it was before a lock.
			RecentApiSignIns.Attempt during = this.recent.attempt("officer19", PASSWORD);
			this.recent.remember(during, new NrmUser("officer19", Set.of("police")));
			for (TransactionSynchronization ending : TransactionSynchronizationManager.getSynchronizations()) {
				ending.afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
			}
		}
		finally {
			TransactionSynchronizationManager.clearSynchronization();
		}

		assertThat(this.recent.attempt("officer19", PASSWORD).known()).isNull();
	}

	@Test
	void each_call_gets_a_token_of_its_own() {
		officer("officer14", "police");
		Authentication first = signIn("officer14", PASSWORD);

		Authentication second = signIn("officer14", PASSWORD);

		assertThat(second).isNotSameAs(first).isEqualTo(first);
	}

	@Test
	void nothing_is_kept_when_the_time_is_zero() {
		RecentApiSignIns never = new RecentApiSignIns(Duration.ZERO, this.clock.ticker());
		IdentityStoreAuthenticationProvider checking = new IdentityStoreAuthenticationProvider(this.store,
				mock(ApplicationEventPublisher.class), mock(SecondFactors.class), false, never);
		officer("officer9", "police");

		checking.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("officer9", PASSWORD));
		checking.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("officer9", PASSWORD));

		verify(this.store, times(2)).checkPassword("officer9", PASSWORD);
		assertThat(never.size()).isZero();
	}

	@Test
	void the_kept_sign_ins_are_bounded_and_expire() {
		NrmUser anyone = new NrmUser("anyone", Set.of());
		for (int i = 0; i < RecentApiSignIns.BOUND + 500; i++) {
			this.recent.remember(this.recent.attempt("user" + i, PASSWORD), anyone);
		}
		assertThat(this.recent.size()).as("no more than the bound").isEqualTo(RecentApiSignIns.BOUND);

		this.clock.advance(REMEMBER.minusMillis(1));
		assertThat(this.recent.size()).as("none expired yet").isEqualTo(RecentApiSignIns.BOUND);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.recent.size()).as("the expired go").isZero();
	}

	@Test
	void a_sign_in_kept_for_one_password_does_not_answer_another() {
		officer("officer10", "police");
		signIn("officer10", PASSWORD);

		assertThat(this.recent.attempt("officer10", PASSWORD).known()).isNotNull();
		assertThat(this.recent.attempt("officer10", PASSWORD + " ").known()).isNull();
		assertThat(this.recent.attempt("officer1", PASSWORD).known()).isNull();
	}

	/** A user id of the prefix, numbered, whose failures do not count against the given user's stripe. */
	private String outsideTheStripeOf(String userId, String prefix) {
		return IntStream.range(0, 100)
			.mapToObj(i -> prefix + i)
			.filter(id -> this.recent.stripe(id) != this.recent.stripe(userId))
			.findFirst()
			.orElseThrow();
	}

	private Authentication signIn(String userId, String password) {
		return this.provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(userId, password));
	}

	private static Set<String> groups(Authentication authentication) {
		return ((NrmUser) authentication.getPrincipal()).groupIds();
	}

	private void officer(String userId, String group) {
		IdentityService identity = this.engine.getIdentityService();
		if (identity.createGroupQuery().groupId(group).count() == 0) {
			identity.saveGroup(identity.newGroup(group));
		}
		User user = identity.newUser(userId);
		user.setPassword(PASSWORD);
		identity.saveUser(user);
		identity.createMembership(userId, group);
		clearInvocations(this.store);
	}
}
