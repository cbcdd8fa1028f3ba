package org.opennrm.oversight.internal;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.opennrm.platform.TrustedEngineCalls;
import org.opennrm.security.Role;
import org.springframework.stereotype.Component;

/**
 * Asks the identity store whether a worker exists and which groups they belong to, to check that a new assignee or a
 * substitute may work on a task. Supervisors hold no right to browse users and groups, so the question runs as a
 * trusted call; it answers about one named user and never decides what anyone may see.
 */
@Component
class Workers {

	private final IdentityService identityService;

	private final TrustedEngineCalls trustedCalls;

	Workers(IdentityService identityService, TrustedEngineCalls trustedCalls) {
		this.identityService = identityService;
		this.trustedCalls = trustedCalls;
	}

	/** The user's groups, or empty if there is no such user. */
	Optional<Set<String>> groupsOf(String userId) {
		return this.trustedCalls.run(() -> {
			if (this.identityService.createUserQuery().userId(userId).count() == 0) {
				return Optional.<Set<String>>empty();
			}
			return Optional.of(this.identityService.createGroupQuery()
				.groupMember(userId)
				.listPage(0, 500)
				.stream()
				.map(Group::getId)
				.collect(Collectors.toUnmodifiableSet()));
		});
	}

	/** For listeners inside an engine command. */
	static Set<String> groupsWithinCommand(IdentityService identityService, String userId) {
		return TrustedEngineCalls.withinCommand(() -> identityService.createGroupQuery()
			.groupMember(userId)
			.listPage(0, 500)
			.stream()
			.map(Group::getId)
			.collect(Collectors.toUnmodifiableSet()));
	}

	/** The casework groups (agencies and decision makers) among a user's groups. */
	static Set<String> caseworkGroups(Set<String> groups) {
		return groups.stream()
			.filter(group -> Role.ofGroup(group)
				.map(role -> role.kind() == Role.Kind.AGENCY || role.kind() == Role.Kind.DECISION)
				.orElse(false))
			.collect(Collectors.toUnmodifiableSet());
	}
}
