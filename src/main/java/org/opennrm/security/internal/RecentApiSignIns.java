package org.opennrm.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * HTTP Basic's successful sign-ins on the API, kept for {@code http-basic.remember} (ADR 21). An API client sends its
 * password with every call; checking it each time against the identity store (the engine's password check and the
 * user's groups, two commands) was the largest single cost of a call in the throughput benchmark. The identity
 * provider's tokens are kept the same way ({@code introspection-cache}).
 * <p>
 * What is kept: the signed-in user and groups, under a keyed digest of user id and password (the key is random and
 * lives only in this process; the password is not kept). Failures are never kept, and a failure drops the user's
 * entries, so a lock by the engine's login throttling takes effect at once. A change to the identity store through
 * the engine on this node (a password, a user deleted or unlocked, a membership or group added or removed: the commands
 * in {@link #CHANGES}, from Admin, the engine REST API or our own code) forgets everything kept, at once; a change on
 * another node reaches this one within {@code remember}, as a page session's revalidation does (ADR 22).
 */
final class RecentApiSignIns extends AbstractProcessEnginePlugin {

	/** The engine's commands that change who a user is or which groups they have. */
	static final Set<Class<?>> CHANGES = Set.of(SaveUserCmd.class, DeleteUserCmd.class, UnlockUserCmd.class,
			CreateMembershipCmd.class, DeleteMembershipCmd.class, DeleteGroupCmd.class);

	/** More entries than this and the expired ones go; if none has expired, all go. */
	static final int BOUND = 10_000;

	private final Duration remember;

	private final Clock clock;

	/** One keyed digest per thread: making and keying one per call was most of what a kept sign-in cost. */
	private final ThreadLocal<Mac> digests;

	private final Map<String, Kept> kept = new ConcurrentHashMap<>();

	/** Moves on every change of the identity store, so that a check which began before it is not kept. */
	private final AtomicLong generation = new AtomicLong();

	RecentApiSignIns(Duration remember, Clock clock) {
		this.remember = remember;
		this.clock = clock;
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA256");
		this.digests = ThreadLocal.withInitial(() -> {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(key);
				return mac;
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
			}
		});
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setCustomPreCommandInterceptorsTxRequired(
				withForgetting(configuration.getCustomPreCommandInterceptorsTxRequired()));
		configuration.setCustomPreCommandInterceptorsTxRequiresNew(
				withForgetting(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
	}

	private List<CommandInterceptor> withForgetting(List<CommandInterceptor> existing) {
		List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
		interceptors.add(new ForgetOnChange());
		return interceptors;
	}

	/** Where a check of this user and password begins: hand the answer to {@link #remember} with it. */
	Attempt attempt(String userId, String password) {
		long atStart = this.generation.get();
		if (this.remember.isZero()) {
			return new Attempt(null, atStart, null);
		}
		String digest = digest(userId, password);
		Kept known = this.kept.get(digest);
		Authentication signedIn = known != null && known.until().isAfter(this.clock.instant()) ? known.signedIn()
				: null;
		return new Attempt(digest, atStart, signedIn);
	}

	/** Keeps a successful sign-in, unless the identity store changed since the attempt began. */
	Authentication remember(Attempt attempt, String userId, Authentication signedIn) {
		if (attempt.digest() == null) {
			return signedIn;
		}
		Instant now = this.clock.instant();
		if (this.kept.size() >= BOUND) {
			this.kept.values().removeIf(old -> !old.until().isAfter(now));
			if (this.kept.size() >= BOUND) {
				this.kept.clear();
			}
		}
		this.kept.put(attempt.digest(), new Kept(userId, signedIn, now.plus(this.remember)));
		if (this.generation.get() != attempt.generation()) {
			// The store changed while this check ran: what it read may be gone already.
			this.kept.remove(attempt.digest());
		}
		return signedIn;
	}

	/** Drops what is kept for this user: their password just failed. */
	void forget(String userId) {
		this.kept.values().removeIf(old -> old.userId().equals(userId));
	}

	/** Drops everything kept: the identity store changed. */
	void forgetAll() {
		this.generation.incrementAndGet();
		this.kept.clear();
	}

	int size() {
		return this.kept.size();
	}

	private String digest(String userId, String password) {
		Mac mac = this.digests.get();
		mac.update(userId.getBytes(StandardCharsets.UTF_8));
		mac.update((byte) 0);
		return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * A check begun: its digest (null when nothing is kept), the store's generation when it began, and the sign-in kept
	 * for it if there is one.
	 */
	record Attempt(String digest, long generation, Authentication known) {
	}

	private record Kept(String userId, Authentication signedIn, Instant until) {
	}

	/** Forgets everything before and after a change of the identity store, and again once its transaction ends. */
	private final class ForgetOnChange extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			if (!CHANGES.contains(command.getClass())) {
				return this.next.execute(command);
			}
			forgetAll();
			try {
				return this.next.execute(command);
			}
			finally {
				forgetAll();
				if (TransactionSynchronizationManager.isSynchronizationActive()) {
					// Inside a transaction of the caller's, the change becomes visible when that commits.
					TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
						@Override
						public void afterCompletion(int status) {
							forgetAll();
						}
					});
				}
			}
		}
	}
}
