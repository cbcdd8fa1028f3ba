package org.opennrm.security.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractWritableIdentityServiceCmd;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.cmd.UnlockUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.opennrm.platform.UserCommand;
import org.opennrm.security.NrmUser;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * HTTP Basic's successful sign-ins on the API, kept for {@code http-basic.remember} (ADR 21). An API client sends its
 * password with every call; checking it each time against the identity store (the engine's password check and the
 * user's groups, two commands) was the largest single cost of a call in the throughput benchmark. The identity
 * provider's tokens are kept the same way ({@code introspection-cache}).
 * <p>
 * What is kept: the signed-in user and groups, under a keyed digest of user id and password (the key is random and
 * lives only in this process; the password is not kept). Failures are never kept. The engine's commands on this node
 * that change the identity store (every writing identity command, and an unlock) forget everything kept at once, the
 * checks running meanwhile included. A failed password check, on any path (the sign-in page, the API, Admin, the
 * engine REST API), forgets what was kept for that user, and that user's checks running meanwhile are not kept. So a
 * lock by the engine's login throttling, a new password, a deleted user or a changed membership take effect at the
 * next call, while one user's wrong password (or a stranger's, for a user id that does not exist) costs the others
 * nothing. A change on another node reaches this one within {@code remember}, as a page session's revalidation does
 * (ADR 22).
 */
final class RecentApiSignIns extends AbstractProcessEnginePlugin {

	/** At most this many sign-ins are kept; beyond it Caffeine chooses which go (by how often each was used). */
	static final int BOUND = 10_000;

	/**
	 * Stripes of the failure counts. A failure for another user id of the same stripe only costs a check. With a
	 * thousand wrong passwords a second, for ids chosen at random, about one check of 40 ms in a hundred would not be
	 * kept.
	 */
	static final int STRIPES = 4096;

	private final Duration remember;

	/** Keyed once; each digest works on a copy (a {@link Mac} is not safe for several threads). */
	private final Mac keyed;

	/** Expiring by {@code remember} on the ticker's time (not the wall clock's). */
	private final Cache<String, Kept> kept;

	/** Moves on every change of the identity store: only what was checked since the last move is good. */
	private final AtomicLong generation = new AtomicLong();

	/**
	 * Failed password checks, counted per stripe of user ids (a keyed hash of the id in lower case, so nobody outside
	 * can aim at another user's stripe): a sign-in is good only while its stripe has not moved since its check began.
	 */
	private final AtomicLongArray failures = new AtomicLongArray(STRIPES);

	RecentApiSignIns(Duration remember, Ticker ticker) {
		this.remember = remember;
		this.kept = Caffeine.newBuilder().maximumSize(BOUND).expireAfterWrite(remember).ticker(ticker).build();
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		try {
			this.keyed = Mac.getInstance("HmacSHA256");
			this.keyed.init(new SecretKeySpec(secret, "HmacSHA256"));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
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

	/** Whether the engine command changes who a user is, which groups they have, or whether they may sign in. */
	static boolean changesIdentities(Command<?> command) {
		return command instanceof AbstractWritableIdentityServiceCmd || command instanceof UnlockUserCmd;
	}

	/** Where a check of this user and password begins: hand it to {@link #remember} with the answer. */
	Attempt attempt(String userId, String password) {
		long atStart = this.generation.get();
		if (this.remember.isZero()) {
			return new Attempt(null, atStart, 0, 0, null);
		}
		int stripe = stripe(userId);
		long failuresAtStart = this.failures.get(stripe);
		String digest = digest(userId, password);
		Kept known = this.kept.getIfPresent(digest);
		boolean good = known != null && known.generation() == atStart && known.failures() == failuresAtStart;
		return new Attempt(digest, atStart, stripe, failuresAtStart, good ? known.user() : null);
	}

	/**
	 * Keeps a successful sign-in, unless the identity store changed or a password of the user's stripe failed since
	 * the attempt began.
	 */
	void remember(Attempt attempt, NrmUser user) {
		if (attempt.digest() == null || this.generation.get() != attempt.generation()
				|| this.failures.get(attempt.stripe()) != attempt.failures()) {
			return;
		}
		// An entry of an older generation or failure count is never read (see attempt), so a change between the check
		// above and this put cannot make it good.
		this.kept.put(attempt.digest(), new Kept(user, attempt.generation(), attempt.failures()));
	}

	/** Drops everything kept, and what checks running now would keep: the identity store changed. */
	void forgetAll() {
		this.generation.incrementAndGet();
		this.kept.invalidateAll();
	}

	/**
	 * A password check of this user failed (whatever the case of the id as typed), and the engine may have locked
	 * them: what was kept for them, and what checks running now would keep, is no longer good. (It stays in the cache
	 * until it expires, never read.)
	 */
	void forgetUser(String userId) {
		if (userId == null) {
			forgetAll();
			return;
		}
		this.failures.incrementAndGet(stripe(userId));
	}

	/** How many sign-ins are kept, once the expired and those beyond the bound have gone. */
	long size() {
		this.kept.cleanUp();
		return this.kept.estimatedSize();
	}

	/** HMAC-SHA256 of the user id's length, the user id and the password. */
	private String digest(String userId, String password) {
		Mac mac = mac();
		byte[] user = userId.getBytes(StandardCharsets.UTF_8);
		mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(user.length).array());
		mac.update(user);
		return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
	}

	/** The stripe of a user id: the first bits of an HMAC-SHA256 of the id in lower case. */
	int stripe(String userId) {
		byte[] hash = mac().doFinal(userId.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
		return ((hash[0] & 0xff) << 8 | hash[1] & 0xff) % STRIPES;
	}

	private Mac mac() {
		try {
			return (Mac) this.keyed.clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("The runtime's HmacSHA256 cannot be copied", ex);
		}
	}

	/**
	 * A check begun: its digest (null when nothing is kept), the store's generation and its user's stripe of failed
	 * checks with that stripe's count when it began, and the user of a sign-in kept for it, if there is one.
	 */
	record Attempt(String digest, long generation, int stripe, long failures, NrmUser known) {
	}

	private record Kept(NrmUser user, long generation, long failures) {
	}

	/**
	 * Forgets everything before and after a change of the identity store, and again once its transaction ends; and
	 * after a failed password check.
	 */
	private final class ForgetOnChange extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			if (command instanceof CheckPassword) {
				T checked = this.next.execute(command);
				if (!Boolean.TRUE.equals(checked)) {
					String userId = UserCommand.of(command).userId();
					forgetUser(userId);
					// Inside a transaction (the caller's, or the one a signed-in user's command runs in), a lock that
					// the failure brought is seen by other checks once that commits.
					afterTransaction(() -> forgetUser(userId));
				}
				return checked;
			}
			if (!changesIdentities(command)) {
				return this.next.execute(command);
			}
			forgetAll();
			try {
				return this.next.execute(command);
			}
			finally {
				forgetAll();
				// Inside a transaction, the change becomes visible when that commits.
				afterTransaction(RecentApiSignIns.this::forgetAll);
			}
		}

		private static void afterTransaction(Runnable forget) {
			if (TransactionSynchronizationManager.isSynchronizationActive()) {
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCompletion(int status) {
						forget.run();
					}
				});
			}
		}
	}
}
