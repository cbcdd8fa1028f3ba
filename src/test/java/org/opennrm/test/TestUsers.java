package org.opennrm.test;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * Users a test makes for itself, in the engine's identity store: named after their id (pages show an assignee's name),
 * with a password the tests know, in the groups the test names.
 * <p>
 * A test that signs in with wrong passwords on purpose, or deletes or moves a user, makes its own: the demo users are
 * everyone's, and the identity store delays a user's next sign-ins after failed ones.
 */
public final class TestUsers {

	private TestUsers() {
	}

	/**
	 * Creates the user with the demo password unless a user of that id exists, and makes them a member of each of these
	 * groups they are not in yet; answers the id.
	 */
	public static String ensure(IdentityService identity, String userId, String... groups) {
		return ensureWithPassword(identity, userId, Api.DEMO_PASSWORD, groups);
	}

	/** As {@link #ensure}, with a password of the test's own. */
	public static String ensureWithPassword(IdentityService identity, String userId, String password,
			String... groups) {
		if (identity.createUserQuery().userId(userId).count() == 0) {
			User user = identity.newUser(userId);
			user.setFirstName("Test");
			user.setLastName(userId);
			user.setEmail(userId + "@test.invalid");
			user.setPassword(password);
			identity.saveUser(user);
		}
		for (String group : groups) {
			if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
				identity.createMembership(userId, group);
			}
		}
		return userId;
	}
}
