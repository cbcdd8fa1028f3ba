package org.opennrm.field.internal;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.opennrm.platform.StartupOrder;
import org.opennrm.security.MobileTeams;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Creates the configured mobile teams as groups of the identity store when they are missing; never removes one. */
@Component
@Order(StartupOrder.ACCESS + 1)
class FieldTeams implements ApplicationRunner {

	private final IdentityService identityService;

	private final FieldProperties properties;

	FieldTeams(IdentityService identityService, FieldProperties properties) {
		this.identityService = identityService;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (FieldProperties.Team team : this.properties.teams()) {
			if (!MobileTeams.isTeamId(team.id())) {
				throw new IllegalStateException("A mobile team's id starts with 'team-' and has lower-case words only: "
						+ team.id());
			}
			if (this.identityService.createGroupQuery().groupId(team.id()).count() == 0) {
				Group group = this.identityService.newGroup(team.id());
				group.setName(team.name() == null ? team.id() : team.name());
				group.setType(MobileTeams.GROUP_TYPE);
				this.identityService.saveGroup(group);
			}
		}
	}
}
