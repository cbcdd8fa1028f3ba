package org.opennrm.security.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.opennrm.platform.UserIds;
import org.opennrm.security.NrmUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * A provider's user as the engine sees them (ADR 21): the user id from the configured claim, and the engine groups that
 * the configured mapping gives for the provider's groups; a group the mapping does not name grants nothing, and no
 * group comes from anywhere but the token. Each such user is mirrored into the engine's identity store (no password,
 * exactly the mapped groups), so that Admin lists them and a supervisor can hand them a task; the mirror is rewritten
 * whenever a token says something else, and never read to decide what the user may do.
 */
class ProviderUsers {

	private static final Logger log = LoggerFactory.getLogger(ProviderUsers.class);

	private final SignInProperties.Provider settings;

	private final IdentityService identityService;

	/** The groups last mirrored per user, so that a token seen again costs no write. */
	private final Map<String, Set<String>> mirrored = new ConcurrentHashMap<>();

	ProviderUsers(SignInProperties.Provider settings, IdentityService identityService) {
		this.settings = settings;
		this.identityService = identityService;
	}

	/** The user the claims describe, mirrored into the identity store; refused if the user id is unusable. */
	NrmUser of(Map<String, Object> claims) {
		if (!this.settings.isConfigured()) {
			throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token", "No identity provider.", null));
		}
		Object id = claims.get(this.settings.userIdClaim());
		if (!(id instanceof String userId) || !UserIds.isUserId(userId)) {
			throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token",
					"The token's " + this.settings.userIdClaim() + " is not a user id of this service.", null));
		}
		NrmUser user = new NrmUser(userId, groups(claims.get(this.settings.groupsClaim())));
		mirror(user, claims);
		return user;
	}

	private Set<String> groups(Object claim) {
		Set<String> groups = new TreeSet<>();
		if (claim instanceof Collection<?> names) {
			for (Object name : names) {
				String group = name == null ? null : this.settings.groups().get(name.toString());
				if (group != null) {
					groups.add(group);
				}
			}
		}
		return groups;
	}

	private void mirror(NrmUser user, Map<String, Object> claims) {
		if (user.groupIds().equals(this.mirrored.get(user.userId()))) {
			return;
		}
		synchronized (this) {
			User stored = this.identityService.createUserQuery().userId(user.userId()).singleResult();
			if (stored instanceof org.camunda.bpm.engine.impl.persistence.entity.UserEntity local
					&& local.getPassword() != null) {
				// A local account of the built-in store (a break-glass administrator, say): a provider's token does not
				// take it over, nor rewrite its groups.
				throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token",
						"The token's user id belongs to a local account of this service.", null));
			}
			if (stored == null) {
				stored = this.identityService.newUser(user.userId());
				stored.setFirstName(text(claims.get("given_name"), user.userId()));
				stored.setLastName(text(claims.get("family_name"), "(identity provider)"));
				stored.setEmail(text(claims.get("email"), null));
				this.identityService.saveUser(stored);
			}
			Set<String> current = IdentityStoreAuthenticationProvider.groupsOf(this.identityService, user.userId());
			for (String group : current) {
				if (!user.groupIds().contains(group)) {
					this.identityService.deleteMembership(user.userId(), group);
				}
			}
			for (String group : user.groupIds()) {
				if (!current.contains(group)
						&& this.identityService.createGroupQuery().groupId(group).count() > 0) {
					this.identityService.createMembership(user.userId(), group);
				}
			}
			this.mirrored.put(user.userId(), Set.copyOf(user.groupIds()));
			log.debug("Mirrored provider user {} with groups {}", user.userId(), List.copyOf(user.groupIds()));
		}
	}

	private static String text(Object value, String otherwise) {
		return value instanceof String text && !text.isBlank() && text.length() <= 255 ? text : otherwise;
	}
}
