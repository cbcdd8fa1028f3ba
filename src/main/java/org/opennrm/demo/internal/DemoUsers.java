package org.opennrm.demo.internal;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Creates the demo users when missing; an existing user is left as an administrator changed it. */
@Component
class DemoUsers {

	private final IdentityService identityService;

	DemoUsers(IdentityService identityService) {
		this.identityService = identityService;
	}

	void ensure(DemoProperties properties) {
		for (DemoProperties.DemoUser demo : properties.users()) {
			if (this.identityService.createUserQuery().userId(demo.id()).count() == 0) {
				User user = this.identityService.newUser(demo.id());
				user.setFirstName(demo.firstName());
				user.setLastName(demo.lastName());
				user.setEmail(demo.id() + "@demo.invalid");
				user.setPassword(properties.password());
				this.identityService.saveUser(user);
				demo.groups().forEach(group -> this.identityService.createMembership(demo.id(), group));
			}
		}
	}
}
