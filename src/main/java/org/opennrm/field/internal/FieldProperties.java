package org.opennrm.field.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The field page's settings ({@code nrm.field}).
 *
 * @param idleTimeout how long a signed-in session may stay unused once the field page was opened in it (a phone left
 * on a table signs itself out); the page warns a minute before
 * @param teams mobile teams to create at start-up if missing (administrators can also create them in Admin, as groups
 * of type {@code mobile-team} whose id starts with {@code team-}); members are added in Admin
 */
@ConfigurationProperties("nrm.field")
record FieldProperties(@DefaultValue("PT10M") Duration idleTimeout, List<Team> teams) {

	FieldProperties {
		teams = teams == null ? List.of() : List.copyOf(teams);
		if (idleTimeout.compareTo(Duration.ofMinutes(2)) < 0) {
			throw new IllegalArgumentException("nrm.field.idle-timeout must be at least two minutes");
		}
	}

	/** @param id the team's group id ({@code team-north}) @param name what Admin shows */
	record Team(String id, String name) {
	}
}
