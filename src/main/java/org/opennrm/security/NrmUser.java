package org.opennrm.security;

import java.io.Serializable;
import java.security.Principal;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A signed-in user as the engine's identity service knows them: the user id and the ids of every group they belong
 * to, read from the identity store when they authenticated.
 * Serializable: a page or webapp session keeps it in the session store.
 */
public record NrmUser(String userId, Set<String> groupIds) implements Principal, Serializable {

	public NrmUser {
		groupIds = Set.copyOf(groupIds);
	}

	@Override
	public String getName() {
		return this.userId;
	}

	public boolean has(Role role) {
		return this.groupIds.contains(role.groupId());
	}

	/** The roles among the user's groups; groups that are not roles (created in Admin) are left out. */
	public Set<Role> roles() {
		return Set.copyOf(this.groupIds.stream().flatMap(group -> Role.ofGroup(group).stream()).toList());
	}

	/** Group ids in a stable order, as the engine's authenticated identity wants them. */
	public List<String> groupIdList() {
		return this.groupIds.stream().sorted().toList();
	}

	public boolean isMemberOfAny(Collection<String> groups) {
		return groups.stream().anyMatch(this.groupIds::contains);
	}
}
