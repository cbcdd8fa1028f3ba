package org.opennrm.platform;

import java.util.Set;

/**
 * The signed-in user on whose behalf a command reaches the engine: the engine's authenticated identity, whichever
 * path set it (our API, the engine REST API, the webapps).
 *
 * @param userId the user's id
 * @param groupIds the groups they belong to now
 */
public record EngineActor(String userId, Set<String> groupIds) {

	public EngineActor {
		groupIds = groupIds == null ? Set.of() : Set.copyOf(groupIds);
	}

	public boolean isMemberOf(String groupId) {
		return this.groupIds.contains(groupId);
	}
}
