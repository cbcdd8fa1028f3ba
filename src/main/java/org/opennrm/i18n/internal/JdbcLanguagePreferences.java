package org.opennrm.i18n.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.opennrm.i18n.LanguagePreferences;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The users' choices in {@code nrm_user_language}, cached for a short while since every request asks: a change made
 * on this node shows at once, one made on another node after at most the cache's time. Each statement stands alone
 * (no transaction spans two), so a choice racing another of the same user's ends as the later one.
 */
class JdbcLanguagePreferences implements LanguagePreferences {

	private static final int LARGEST_CACHE = 10_000;

	private final JdbcClient jdbc;

	private final SupportedLanguages languages;

	private final Duration cacheFor;

	private final Clock clock = Clock.systemUTC();

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	JdbcLanguagePreferences(JdbcClient jdbc, SupportedLanguages languages, Duration cacheFor) {
		this.jdbc = jdbc;
		this.languages = languages;
		this.cacheFor = cacheFor;
	}

	@Override
	public Optional<Locale> of(String userId) {
		Instant now = this.clock.instant();
		Cached cached = this.cache.get(userId);
		if (cached != null && cached.until().isAfter(now)) {
			return cached.language();
		}
		Optional<Locale> language = this.jdbc.sql("select language_tag from nrm_user_language where user_id = :user")
			.param("user", userId)
			.query(String.class)
			.optional()
			.flatMap(this.languages::byTag);
		if (this.cache.size() >= LARGEST_CACHE) {
			this.cache.clear();
		}
		this.cache.put(userId, new Cached(language, now.plus(this.cacheFor)));
		return language;
	}

	@Override
	public void choose(String userId, Locale language) {
		if (!this.languages.supported().contains(language)) {
			throw new IllegalArgumentException("Not a supported language: " + language.toLanguageTag());
		}
		if (update(userId, language) == 0) {
			try {
				this.jdbc.sql("insert into nrm_user_language (user_id, language_tag, chosen_at) values (:user, :tag, :now)")
					.param("user", userId)
					.param("tag", language.toLanguageTag())
					.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
					.update();
			}
			catch (DuplicateKeyException ex) {
				// The same user chose at the same moment in another session: the later choice wins.
				update(userId, language);
			}
		}
		this.cache.remove(userId);
	}

	private int update(String userId, Locale language) {
		return this.jdbc.sql("update nrm_user_language set language_tag = :tag, chosen_at = :now where user_id = :user")
			.param("tag", language.toLanguageTag())
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.param("user", userId)
			.update();
	}

	@Override
	public void forget(String userId) {
		this.jdbc.sql("delete from nrm_user_language where user_id = :user").param("user", userId).update();
		this.cache.remove(userId);
	}

	private record Cached(Optional<Locale> language, Instant until) {
	}
}
