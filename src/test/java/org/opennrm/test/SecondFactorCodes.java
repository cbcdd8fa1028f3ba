package org.opennrm.test;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The authenticator app of the tests: it keeps the enrolment key of each user it enrolled (per running service, by
 * port), and gives one-time codes as a phone would (RFC 6238, computed here independently of the service's own
 * code), never the same time step twice for a user: the service refuses a replayed code. It takes a code of the step
 * either side of its own (phones' clocks drift), so a second sign-in within the same 30 seconds uses the next step at
 * once, as a phone running up to 30 seconds fast would; only a third waits for time to catch up.
 */
public final class SecondFactorCodes {

	private static final Pattern KEY = Pattern.compile("class=\"key\">([A-Z2-7 ]+)<");

	private static final Map<String, String> KEYS = new ConcurrentHashMap<>();

	private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

	private SecondFactorCodes() {
	}

	/** Whether this app holds a key for the user on this service. */
	public static boolean knows(Api api, String userId) {
		return KEYS.containsKey(key(api, userId));
	}

	/** Reads the key off the enrolment page, as a person types it into their app. */
	public static void enrolFrom(Api api, String userId, String enrolmentPage) {
		Matcher key = KEY.matcher(enrolmentPage);
		if (!key.find()) {
			throw new IllegalStateException("No enrolment key on the page for " + userId);
		}
		KEYS.put(key(api, userId), key.group(1).replace(" ", ""));
	}

	/** Forgets the user's key (their second factor was reset). */
	public static void forget(Api api, String userId) {
		KEYS.remove(key(api, userId));
		LAST_STEP.remove(key(api, userId));
	}

	/**
	 * Fresh codes for a browser scenario: for each user who has a second factor, enrolled first (by signing in once) if
	 * the tests' app has no key for them yet. Users without one get none. All are enrolled before any code is made, so
	 * that their waits for the step after their enrolment's run side by side.
	 */
	public static Map<String, String> forBrowser(Api api, String password, String... users) {
		Map<String, String> codes = new java.util.LinkedHashMap<>();
		for (String user : users) {
			if (!knows(api, user)) {
				WebappSession.pages(api, user, password);
			}
		}
		for (String user : users) {
			if (knows(api, user)) {
				codes.put(user, next(api, user));
			}
		}
		return codes;
	}

	/**
	 * For a browser scenario that signs a user in only after a while (a long walk through many users): the key of each
	 * user who has a second factor, and the last time step used, so that the scenario makes its code when it is asked
	 * for ({@code browser.mjs}). Call {@link #usedUpToNextStep} when the scenario has run, so that no later sign-in
	 * here replays the step it used.
	 */
	public static synchronized Map<String, Map<String, Object>> keysForBrowser(Api api, String password,
			String... users) {
		Map<String, Map<String, Object>> keys = new java.util.LinkedHashMap<>();
		for (String user : users) {
			if (!knows(api, user)) {
				WebappSession.pages(api, user, password);
			}
			if (knows(api, user)) {
				keys.put(user, Map.of("key", KEYS.get(key(api, user)), "after",
						LAST_STEP.getOrDefault(key(api, user), 0L)));
			}
		}
		return keys;
	}

	/** Every step up to the next one counts as used for these users (a browser scenario may have used one). */
	public static void usedUpToNextStep(Api api, String... users) {
		for (String user : users) {
			used(api, user, Instant.now().getEpochSecond() / 30 + 1);
		}
	}

	/**
	 * The user's next code: for a step after the last one used, at most one step ahead of the clock, waiting for the
	 * clock if need be. The step is taken under the lock and waited for outside it, so that sign-ins of several users
	 * wait side by side.
	 */
	public static String next(Api api, String userId) {
		String key;
		long step;
		synchronized (SecondFactorCodes.class) {
			key = KEYS.get(key(api, userId));
			if (key == null) {
				throw new IllegalStateException(userId + " has no second factor in the tests' app");
			}
			step = Math.max(Instant.now().getEpochSecond() / 30,
					LAST_STEP.getOrDefault(key(api, userId), Long.MIN_VALUE) + 1);
			LAST_STEP.put(key(api, userId), step);
		}
		while (Instant.now().getEpochSecond() / 30 < step - 1) {
			sleep(((step - 1) * 30 - Instant.now().getEpochSecond()) * 1000 + 200);
		}
		return code(key, step);
	}

	/** A code for a given step of a key (for tests of replay and of wrong codes). */
	public static String code(String base32Key, long step) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(base32(base32Key), "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0xf;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			return String.format("%06d", binary % 1_000_000);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The key the app holds for the user. */
	public static String keyOf(Api api, String userId) {
		return KEYS.get(key(api, userId));
	}

	/** Marks a step as used by a test that sent a code itself. */
	public static void used(Api api, String userId, long step) {
		LAST_STEP.merge(key(api, userId), step, Math::max);
	}

	private static byte[] base32(String text) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		ByteBuffer out = ByteBuffer.allocate(text.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (char c : text.toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				out.put((byte) (buffer >> (bits - 8)));
				bits -= 8;
			}
		}
		return java.util.Arrays.copyOf(out.array(), out.position());
	}

	private static String key(Api api, String userId) {
		return api.uri("/") + "|" + userId;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(Math.max(0, millis));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
