package org.opennrm.security.internal;

import java.util.List;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.opennrm.security.Role;

/** One engine authorization: a group may do these things to this resource ({@code *} for every instance). */
record Grant(String groupId, Resource resource, String resourceId, List<Permission> permissions) {

	static final String ANY = "*";

	static Grant of(Role role, Resource resource, String resourceId, Permission... permissions) {
		return new Grant(role.groupId(), resource, resourceId, List.of(permissions));
	}
}
